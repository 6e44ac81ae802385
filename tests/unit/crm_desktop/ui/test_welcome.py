"""WelcomePage: three choices, each a signal; unhandled choices are disabled."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from crm_desktop.ui.welcome import WelcomePage


@pytest.fixture
def page(qtbot):
    made = WelcomePage()
    qtbot.add_widget(made)
    return made


@pytest.mark.parametrize(("button", "signal"), [("connect_button", "connect_requested"),
                                                ("import_button", "import_requested"),
                                                ("demo_button", "demo_requested")])
def test_each_choice_emits_its_signal(qtbot, page, button, signal):
    with qtbot.wait_signal(getattr(page, signal)):
        qtbot.mouseClick(getattr(page, button), Qt.MouseButton.LeftButton)


def test_choices_say_what_they_do(page):
    texts = [b.text() for b in (page.connect_button, page.import_button, page.demo_button)]
    assert texts == ["Connect to a server", "Import a file", "Load demo data"]
    assert all(b.accessibleName() for b in (page.connect_button, page.import_button, page.demo_button))


def test_a_choice_nobody_handles_is_disabled_when_shown(qtbot, page):
    page.demo_requested.connect(lambda: None)
    page.connect_requested.connect(lambda: None)
    page.show()
    qtbot.wait_exposed(page)
    assert page.connect_button.isEnabled() and page.demo_button.isEnabled()
    assert not page.import_button.isEnabled()


def test_a_language_switch_sets_the_texts_again(qtbot, page):
    from PySide6.QtCore import QCoreApplication, QEvent

    page.title.setText("stale")
    QCoreApplication.sendEvent(page, QEvent(QEvent.Type.LanguageChange))
    assert page.title.text() == "Welcome to CRM Desktop"

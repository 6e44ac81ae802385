"""Every reason an import gives, for a file, a mapping or a row: a code and its English words.

The English words are the CLI's (its ``--json`` too), so they stay as they
are; the wizard shows each code in the rep's language (``ui/import_reasons``).
Values in braces are data shown as they are: a file's name, a cell, a header.
"""

from __future__ import annotations

from crm_core.reasons import code

# -- the file as a whole -------------------------------------------------------
NO_SUCH_FILE = code("file.missing", "{path}: no such file")
FOLDER = code("file.folder", "{path}: is a folder, not a file")
UNREADABLE = code("file.unreadable", "{path}: cannot be read ({error})")
EMPTY = code("file.empty", "{file}: the file is empty")
WORKBOOK = code("file.xlsx", "{file}: this is an Excel workbook or another zip file (.xlsx), not a CSV or vCard "
                             "file; save it as CSV and import that")
OLD_WORKBOOK = code("file.xls", "{file}: this is an old Excel workbook (.xls), not a CSV or vCard file; save it "
                                "as CSV and import that")
PDF = code("file.pdf", "{file}: this is a PDF document, not a CSV or vCard file; save it as CSV and import that")
IN_FILE = code("file.in", "{file}: {why}")
BINARY = code("file.binary", "the file is binary, not a CSV or vCard text file")
BROKEN_CSV = code("file.broken_csv", "{file}, line {line}: cannot read the file ({error}); is a closing quote "
                                     "missing?")
LINE_UNDECODABLE = code("file.line_undecodable", "{file}, line {line}: cannot be read as {encoding} ({error})")

# -- the encoding the rep named -----------------------------------------------
UNKNOWN_ENCODING = code("encoding.unknown", "unknown encoding {encoding!r} (try utf-8, cp1252 or utf-16)")
UNKNOWN_CODEC = code("encoding.unknown_codec", "unknown encoding {encoding!r}")
NOT_TEXT_ENCODING = code("encoding.not_text", "{encoding!r} is not a text encoding (try utf-8, cp1252 or utf-16)")
NOT_WIDE_TEXT = code("encoding.not_wide", "cannot be read as {encoding}: the file is not {wide} text")
UNDECODABLE = code("encoding.undecodable", "cannot be read as {encoding}: {error}")
NO_BYTE_ORDER_MARK = code("encoding.no_bom", "cannot be read as {encoding}: {error} (name {codec}-le or "
                                             "{codec}-be instead)")
READS_AS_BINARY = code("encoding.binary", "cannot be read as {encoding}: it reads as binary; leave the encoding "
                                          "out to have it detected")

# -- the column mapping -------------------------------------------------------
UNKNOWN_TARGET = code("mapping.unknown_target", "cannot import into {target!r}; choose one of: {choices}")
NO_KNOWN_FIELD = code("mapping.no_field", "no column is a field we know; is the first row a header? Map the "
                                          "columns by hand")
NO_ACCOUNT_NAME = code("mapping.no_account_name", "no column holds the account name (Company, Empresa, Name...); "
                                                  "map one by hand")
NO_CONTACT_NAME = code("mapping.no_contact_name", "no column holds a contact's name (Last Name, Apellidos, "
                                                  "Name...); map one by hand")
NOT_A_MAPPING = code("mapping.not_saved", "{path}: not a saved mapping ({error})")
NO_COLUMNS = code("mapping.no_columns", '{path}: not a saved mapping (no "columns" of header -> field)')
VCARD_HOLDS_CONTACTS = code("mapping.vcard_contacts", "a vCard file holds contacts; import it as contacts")

# -- a row that failed ----------------------------------------------------------
TOO_MANY_CELLS = code("row.too_many_cells", "the row has {cells} cells but the header has {headers}; is a "
                                            "delimiter inside a value without quotes?")
BAD_CHARACTERS = code("row.bad_characters", "{column}: has characters that are not valid in this file's "
                                            "encoding; save the file as UTF-8 and import it again")
CARD_CUT_SHORT = code("row.card_cut_short", "the card has no END:VCARD; is the file cut short?")
IN_COLUMN = code("row.column", "{column}: {why}")  # column: the file's header
IN_FIELD = code("row.field", "{field}: {why}")  # a field no column holds (field: a FieldName)
ACCOUNT_NAME = code("row.account_name", "the account name {why}")

# -- a row skipped as a duplicate --------------------------------------------------
SAME_EMAIL = code("duplicate.email", "same email as {whom} ({email})")
SAME_PHONE = code("duplicate.phone", "same phone as {whom} ({phone})")
SIMILAR_NAME = code("duplicate.similar_name", "a contact with a very similar name at the same company ({name})")
SAME_NAME_NO_COMPANY = code("duplicate.name_no_company", "a contact with the same name and no company")
SAME_ACCOUNT_NUMBER = code("duplicate.account_number", "same account number as {whom} ({value})")
SAME_ACCOUNT_NAME = code("duplicate.account_name", "same name as {whom} ({value})")
SAME_WEBSITE = code("duplicate.website", "same website as {whom} ({value})")
# {whom}: the record a duplicate matched, in the store before the import, or LINE: made by an earlier line
EXISTING_CONTACT = code("whom.existing_contact", "an existing contact")
EXISTING_ACCOUNT = code("whom.existing_account", "an existing account")
NOTHING_NEW = code("duplicate.nothing_new", "{match}, with nothing new to update")

# -- a row imported with a warning -------------------------------------------------
NO_COMPANY_ON_LINE = code("warning.no_company", "{columns}: not imported: {company} is empty on this line, so "
                                                "there is no account to hold them")
CONTACT_AGAIN = code("warning.contact_again", "updated the same contact as {where} ({match}); the lines were "
                                              "applied in order, so the later values stand")
ACCOUNT_AGAIN = code("warning.account_again", "updated the same account as {where} ({match}); the lines were "
                                              "applied in order, so the later values stand")
COMPANY_AGAIN = code("warning.company_again", "updated the same account ({name}) as {where}; the lines were "
                                              "applied in order, so the later values stand")
COMPANY_KEPT_COLUMN = code("warning.company_kept", "{name} exists, so {columns} was not imported (create only; "
                                                   "--mode upsert updates it)")
COMPANY_KEPT_COLUMNS = code("warning.company_kept_many", "{name} exists, so {columns} were not imported (create "
                                                         "only; --mode upsert updates it)")
BOTH = code("warning.both", "{first}. {second}")  # a row's second warning joins its first
EARLIER_LINE = code("line.earlier", "an earlier line")  # which line wrote a record first, not kept
LINE = code("line.number", "line {line}")

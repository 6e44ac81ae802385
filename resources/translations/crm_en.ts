<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AccountForm</name>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary contact: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is owned by {owner}. The new owner takes over when you sync.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connect &amp;to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;My role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Their role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid &amp;from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid t&amp;o</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the record to connect to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionsTab</name>
    <message>
        <source>&amp;Add connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the connection with %1?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>Add &amp;existing contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set as &amp;primary contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts of this account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteConfirm</name>
    <message>
        <source>1 contact loses its account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contacts lose their account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 account loses its parent account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accounts lose their parent account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 account loses its primary contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accounts lose their primary contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 record loses its link to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 records lose their link to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its connection goes with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its %1 connections go with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete record</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vCard (*.vcf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV separated by commas (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV separated by semicolons (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {0} records to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CSV file from Excel, Outlook, Google or another CRM, or a vCard file from a phone or address book.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vCard file ({0}): contacts, one per card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vertical bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV file: encoding {0}, separated by {1}, {2} columns. It looks like {3}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV and vCard files (*.csv *.txt *.tsv *.vcf);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Loading demo data…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormFields</name>
    <message>
        <source>Account information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account name *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill to address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ship to address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <source>account number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>billing city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>billing country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>billing postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>billing street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>email 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mobile phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payment terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>price list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shipping city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shipping country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shipping postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shipping street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>website</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportReasons</name>
    <message>
        <source>a contact with the same name and no company</source>
        <comment>duplicate.name_no_company</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{match}, with nothing new to update</source>
        <comment>duplicate.nothing_new</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a contact with a very similar name at the same company ({name})</source>
        <comment>duplicate.similar_name</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same name as {whom} ({value})</source>
        <comment>duplicate.account_name</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same account number as {whom} ({value})</source>
        <comment>duplicate.account_number</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same email as {whom} ({email})</source>
        <comment>duplicate.email</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same phone as {whom} ({phone})</source>
        <comment>duplicate.phone</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same website as {whom} ({value})</source>
        <comment>duplicate.website</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read as {encoding}: it reads as binary; leave the encoding out to have it detected</source>
        <comment>encoding.binary</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read as {encoding}: {error} (name {codec}-le or {codec}-be instead)</source>
        <comment>encoding.no_bom</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{encoding!r} is not a text encoding (try utf-8, cp1252 or utf-16)</source>
        <comment>encoding.not_text</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read as {encoding}: the file is not {wide} text</source>
        <comment>encoding.not_wide</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read as {encoding}: {error}</source>
        <comment>encoding.undecodable</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown encoding {encoding!r} (try utf-8, cp1252 or utf-16)</source>
        <comment>encoding.unknown</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown encoding {encoding!r}</source>
        <comment>encoding.unknown_codec</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account</source>
        <comment>entity.account</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection</source>
        <comment>entity.connection</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection_role</source>
        <comment>entity.connection_role</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact</source>
        <comment>entity.contact</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is binary, not a CSV or vCard text file</source>
        <comment>file.binary</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}, line {line}: cannot read the file ({error}); is a closing quote missing?</source>
        <comment>file.broken_csv</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: the file is empty</source>
        <comment>file.empty</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: is a folder, not a file</source>
        <comment>file.folder</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: {why}</source>
        <comment>file.in</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}, line {line}: cannot be read as {encoding} ({error})</source>
        <comment>file.line_undecodable</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <comment>file.missing</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: this is a PDF document, not a CSV or vCard file; save it as CSV and import that</source>
        <comment>file.pdf</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: cannot be read ({error})</source>
        <comment>file.unreadable</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: this is an old Excel workbook (.xls), not a CSV or vCard file; save it as CSV and import that</source>
        <comment>file.xls</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: this is an Excel workbook or another zip file (.xlsx), not a CSV or vCard file; save it as CSV and import that</source>
        <comment>file.xlsx</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an earlier line</source>
        <comment>line.earlier</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line {line}</source>
        <comment>line.number</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no column holds the account name (Company, Empresa, Name...); map one by hand</source>
        <comment>mapping.no_account_name</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: not a saved mapping (no &quot;columns&quot; of header -&gt; field)</source>
        <comment>mapping.no_columns</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no column holds a contact&apos;s name (Last Name, Apellidos, Name...); map one by hand</source>
        <comment>mapping.no_contact_name</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no column is a field we know; is the first row a header? Map the columns by hand</source>
        <comment>mapping.no_field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: not a saved mapping ({error})</source>
        <comment>mapping.not_saved</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot import into {target!r}; choose one of: {choices}</source>
        <comment>mapping.unknown_target</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a vCard file holds contacts; import it as contacts</source>
        <comment>mapping.vcard_contacts</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>team</source>
        <comment>principal.team</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user</source>
        <comment>principal.user</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>these records are already connected with these roles</source>
        <comment>record.already_connected</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the contact is inactive</source>
        <comment>record.contact_inactive</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ends on {end}, before it starts on {start}</source>
        <comment>record.ends_before_start</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} {id} is inactive</source>
        <comment>record.inactive</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account {id} does not exist</source>
        <comment>record.no_account</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact {id} does not exist</source>
        <comment>record.no_contact</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} {id} does not exist</source>
        <comment>record.no_record</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>role {id} does not exist</source>
        <comment>record.no_role</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a contact of this account</source>
        <comment>record.not_its_contact</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a matching role of {role}</source>
        <comment>record.not_matching_role</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>would make a cycle of parent accounts</source>
        <comment>record.parent_cycle</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a record cannot be connected to itself</source>
        <comment>record.self_connection</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>append</source>
        <comment>right.append</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>append_to</source>
        <comment>right.append_to</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assign</source>
        <comment>right.assign</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete</source>
        <comment>right.delete</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read</source>
        <comment>right.read</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share</source>
        <comment>right.share</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write</source>
        <comment>right.write</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the account name {why}</source>
        <comment>row.account_name</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{column}: has characters that are not valid in this file&apos;s encoding; save the file as UTF-8 and import it again</source>
        <comment>row.bad_characters</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the card has no END:VCARD; is the file cut short?</source>
        <comment>row.card_cut_short</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{column}: {why}</source>
        <comment>row.column</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: {why}</source>
        <comment>row.field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the row has {cells} cells but the header has {headers}; is a delimiter inside a value without quotes?</source>
        <comment>row.too_many_cells</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{entity} {id} was deleted</source>
        <comment>sync.deleted</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a record with id {id} already exists</source>
        <comment>sync.exists</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: {why}</source>
        <comment>sync.field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{entity} {id} does not exist</source>
        <comment>sync.missing</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you have no access to {entity} {id}</source>
        <comment>sync.no_access</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no {kind} named {name!r}</source>
        <comment>sync.no_principal</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record {id} does not exist</source>
        <comment>sync.no_record</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you have no {right} right on {entity} {id}</source>
        <comment>sync.no_right</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value!r} is not a record id (a UUID)</source>
        <comment>sync.not_uuid</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you cannot share rights you do not hold on {entity} {id}</source>
        <comment>sync.share_beyond</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share it with team {owner} instead</source>
        <comment>sync.share_with_team</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this {entity} belongs to team {team}: only an admin can assign it outside the team; {instead}</source>
        <comment>sync.team_only</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assign it to a member, or share it ({owner} is not a member of {team})</source>
        <comment>sync.to_a_member</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains a control character ({char})</source>
        <comment>value.control</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value!r} is not a 3-letter currency code</source>
        <comment>value.currency</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value!r} is not a date (YYYY-MM-DD)</source>
        <comment>value.date</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{detail}</source>
        <comment>value.email</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be one line (it has a line break)</source>
        <comment>value.line_break</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be text, not {type}</source>
        <comment>value.not_text</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains a NUL character</source>
        <comment>value.nul</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be one of {choices}</source>
        <comment>value.one_of</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value!r} is not a phone number</source>
        <comment>value.phone</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value!r} is not a record id</source>
        <comment>value.record_id</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required</source>
        <comment>value.required</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is longer than {limit} characters</source>
        <comment>value.too_long</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field of {entity}</source>
        <comment>value.unknown_field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updated the same account as {where} ({match}); the lines were applied in order, so the later values stand</source>
        <comment>warning.account_again</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first}. {second}</source>
        <comment>warning.both</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updated the same account ({name}) as {where}; the lines were applied in order, so the later values stand</source>
        <comment>warning.company_again</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} exists, so {columns} was not imported (create only; --mode upsert updates it)</source>
        <comment>warning.company_kept</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} exists, so {columns} were not imported (create only; --mode upsert updates it)</source>
        <comment>warning.company_kept_many</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updated the same contact as {where} ({match}); the lines were applied in order, so the later values stand</source>
        <comment>warning.contact_again</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{columns}: not imported: {company} is empty on this line, so there is no account to hold them</source>
        <comment>warning.no_company</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an existing account</source>
        <comment>whom.existing_account</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an existing contact</source>
        <comment>whom.existing_contact</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import accounts and contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact: full name (split into first and last)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssueDetail</name>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send your values again, over the server&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the server&apos;s values and drop yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the record as it is now (edit it first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop your change and undo it here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the record on the server too, with the changes shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the record as it is on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone changed connections of this record on the server after you deleted it, so the server kept it and them, and they are back here. Delete anyway to delete it with those connections, or Take theirs to keep it as it is on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone changed this record on the server after you deleted it, so the server kept it and it is back here. Delete anyway to delete it with their changes, or Take theirs to keep it as it is on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone changed these fields on the server after your edit. Keep your values or take the server&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not take your change: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server said: {message}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the record and Retry, or Discard your change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection that went with this assign follows your choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {count} connections that went with this assign follow your choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another rep has connections to this record that you cannot see, so the server kept it, and it is back here. Delete anyway to delete it with those connections, or Take theirs to keep it as it is on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You had deleted one of those connections on its own too: its conflict follows your choice here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You had deleted {count} of those connections on their own too: their conflicts follow your choice here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to your team&apos;s server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your changes stay on this computer until you log in; then they go to your team and theirs come to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server address your admin gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No crm-server answers at this address; check it with your admin (it starts with http:// or https://).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the server at {address}; check the address and your connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is older than this app; ask your admin to upgrade it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something at this address answered, but not as a crm-server: check the address, or sign in to the network first (a hotel or airport Wi-Fi page).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong passwords for this user: the server takes no login for a while. Try again later, or ask your admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept this user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This app is too old for the server; please update it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server had a problem; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging in failed; see the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 change made as {user} is not synced yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} changes made as {user} are not synced yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in as {user} and sync (and settle any sync issues) before another user logs in here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was deleted, here or on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login kept until you close the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has no keyring to keep your login in, so you will be asked to log in again the next time you open the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a list to sort it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Descending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sort by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected record (Del in the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 change made as %1 is not synced yet. It waits here until %1 logs in again and syncs; no one else can log in on this computer until then.

Log out?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%2 changes made as %1 are not synced yet. They wait here until %1 logs in again and syncs; no one else can log in on this computer until then.

Log out?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Match columns to fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns were matched by name; change any, or choose (ignore).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts (with their companies)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load mapping...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save mapping...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mappings (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is not a mapping saved by this app, or cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mapping {0} does not fit this file; the columns keep their fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mapping was not saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <source>Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A row is a duplicate when its email or phone is already there, or a contact with a very similar name works at the same company.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create new records only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create new records and update the ones with the same email, account number or account name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update the existing record with the row&apos;s values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only check the file (write nothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PickerDialog</name>
    <message>
        <source>Type part of a name, email, phone or company:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes between automatic syncs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your changes are also sent a few seconds after each edit, and F9 syncs at any time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first rows of the file, as they will be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrincipalPicker</name>
    <message>
        <source>&amp;User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User or team name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a name or type one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the exact name; the server checks it when you sync.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <source>Importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every imported record is queued and syncs like any edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of about {1} rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling after the rows in progress...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;&amp; &amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;hare…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;activate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes wait to reach the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (inactive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordListView</name>
    <message>
        <source>My active accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My active contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New record (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search %1 (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export this list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1+ matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1+ records (counting…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 contact</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordPicker</name>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the choice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced yet: this change waits to reach the server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Import report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened to the rows of the file. Failed rows were not imported at all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed rows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save failed rows...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import stopped: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped as duplicates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped as duplicates (the first {0} of {1}):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported with a warning:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported with a warning (the first {0} of {1}):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created: {0}. Updated: {1}. Skipped as duplicates: {2}. Failed: {3}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts created for the contacts&apos; companies: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts updated with the contacts&apos; company values: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns not imported: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account fields are imported only beside a column matched to Account: name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no rows to import, only a header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was written (check only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cancelled the import; the rows before that point were imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line {line}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save failed rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The failed rows were not saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Colleague</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Friend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sibling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Former Employer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Former Employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Champion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision Maker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Economic Buyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Influencer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technical Buyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales Professional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technical Sales Professional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account Manager</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let a colleague or team work on {name}. They get access when you sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What they may do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change its fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Append</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach other records to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Append to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach it to other records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give it to someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share it further</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove access</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SmallLists</name>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreUpgrade</name>
    <message>
        <source>Updating your records for this version of crm-desktop.
This happens once; a large store takes up to a minute.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubAccountsTab</name>
    <message>
        <source>&amp;New sub-account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-accounts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncIssues</name>
    <message>
        <source>Changed on the server too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked record deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting it also deletes these connections, changed on the server since you last synced:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{record} ({entity})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>And 1 connection you cannot see (another rep&apos;s) would be deleted with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>And {count} connections you cannot see (other reps&apos;) would be deleted with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting it would also delete 1 connection you cannot see (another rep&apos;s), added or changed on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting it would also delete {count} connections you cannot see (other reps&apos;), added or changed on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} more records you cannot see (other reps&apos;) would be deleted with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{connection}: {changes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field} now {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billing street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billing city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billing postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billing country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipping street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipping city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipping postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipping country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From (type)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To (type)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role of the other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner is a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared with a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record id</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncIssuesView</name>
    <message>
        <source>&lt;p style=&quot;font-size: 14pt&quot;&gt;No sync issues&lt;/p&gt;&lt;p&gt;Conflicts and changes the server refused show up here.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sync issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That did not work ({error}); see the log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes not synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send your changes and get your team&apos;s (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All changes synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 change not synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} changes not synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last synced never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last synced {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server not reachable; your changes are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;a href=&quot;login&quot;&gt;Log in again&lt;/a&gt; to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server trouble, retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server needs upgrading; ask your admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update the app to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another window or command is syncing these records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync failed; see the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No server yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;a href=&quot;issues&quot;&gt;1 sync issue&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;a href=&quot;issues&quot;&gt;{count} sync issues&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what}: {done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VCardColumns</name>
    <message>
        <source>First Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to CRM Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your accounts and contacts live on this computer, so you can work anywhere, even without a connection. How would you like to start?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in to your team&apos;s server and get your accounts and contacts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring in accounts and contacts from a CSV or vCard file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the app with sample companies and people. You can delete them later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_OwnerDialog</name>
    <message>
        <source>Enter a user or team name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

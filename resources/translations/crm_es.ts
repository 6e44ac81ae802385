<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AccountForm</name>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Sub-accounts</source>
        <translation>Subcuentas</translation>
    </message>
    <message>
        <source>Primary contact: %1</source>
        <translation>Contacto principal: %1</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign</source>
        <translation>Asignar</translation>
    </message>
    <message>
        <source>Assign {name}</source>
        <translation>Asignar {name}</translation>
    </message>
    <message>
        <source>you</source>
        <translation>usted</translation>
    </message>
    <message>
        <source>{name} is owned by {owner}. The new owner takes over when you sync.</source>
        <translation>{name} pertenece a {owner}. El nuevo propietario lo recibe al sincronizar.</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connect &amp;to</source>
        <translation>Conectar &amp;con</translation>
    </message>
    <message>
        <source>&amp;My role</source>
        <translation>&amp;Mi rol</translation>
    </message>
    <message>
        <source>&amp;Their role</source>
        <translation>&amp;Su rol</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Descripción</translation>
    </message>
    <message>
        <source>Valid &amp;from</source>
        <translation>Válido &amp;desde</translation>
    </message>
    <message>
        <source>Valid t&amp;o</source>
        <translation>Válido &amp;hasta</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Connection of %1</source>
        <translation>Conexión de %1</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>Choose the record to connect to.</source>
        <translation>Elija el registro con el que conectar.</translation>
    </message>
</context>
<context>
    <name>ConnectionsTab</name>
    <message>
        <source>&amp;Add connection…</source>
        <translation>&amp;Añadir conexión…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Conexiones</translation>
    </message>
    <message>
        <source>Remove connection</source>
        <translation>Quitar conexión</translation>
    </message>
    <message>
        <source>Remove the connection with %1?</source>
        <translation>¿Quitar la conexión con %1?</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>Add &amp;existing contact…</source>
        <translation>Añadir contacto &amp;existente…</translation>
    </message>
    <message>
        <source>&amp;New contact</source>
        <translation>&amp;Nuevo contacto</translation>
    </message>
    <message>
        <source>Set as &amp;primary contact</source>
        <translation>Marcar como contacto &amp;principal</translation>
    </message>
    <message>
        <source>Contacts of this account</source>
        <translation>Contactos de esta cuenta</translation>
    </message>
</context>
<context>
    <name>DeleteConfirm</name>
    <message>
        <source>1 contact loses its account.</source>
        <translation>1 contacto pierde su cuenta.</translation>
    </message>
    <message>
        <source>%1 contacts lose their account.</source>
        <translation>%1 contactos pierden su cuenta.</translation>
    </message>
    <message>
        <source>1 account loses its parent account.</source>
        <translation>1 cuenta pierde su cuenta primaria.</translation>
    </message>
    <message>
        <source>%1 accounts lose their parent account.</source>
        <translation>%1 cuentas pierden su cuenta primaria.</translation>
    </message>
    <message>
        <source>1 account loses its primary contact.</source>
        <translation>1 cuenta pierde su contacto principal.</translation>
    </message>
    <message>
        <source>%1 accounts lose their primary contact.</source>
        <translation>%1 cuentas pierden su contacto principal.</translation>
    </message>
    <message>
        <source>1 record loses its link to it.</source>
        <translation>1 registro pierde su vínculo con él.</translation>
    </message>
    <message>
        <source>%1 records lose their link to it.</source>
        <translation>%1 registros pierden su vínculo con él.</translation>
    </message>
    <message>
        <source>Its connection goes with it.</source>
        <translation>Su conexión se elimina con él.</translation>
    </message>
    <message>
        <source>Its %1 connections go with it.</source>
        <translation>Sus %1 conexiones se eliminan con él.</translation>
    </message>
    <message>
        <source>Delete %1? This cannot be undone.</source>
        <translation>¿Eliminar %1? No se puede deshacer.</translation>
    </message>
    <message>
        <source>Delete record</source>
        <translation>Eliminar registro</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV para Excel (*.csv)</translation>
    </message>
    <message>
        <source>vCard (*.vcf)</source>
        <translation>vCard (*.vcf)</translation>
    </message>
    <message>
        <source>CSV separated by commas (*.csv)</source>
        <translation>CSV separado por comas (*.csv)</translation>
    </message>
    <message>
        <source>CSV separated by semicolons (*.csv)</source>
        <translation>CSV separado por punto y coma (*.csv)</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>contactos</translation>
    </message>
    <message>
        <source>accounts</source>
        <translation>cuentas</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Exporting...</source>
        <translation>Exportando...</translation>
    </message>
    <message>
        <source>Exported {0} records to {1}.</source>
        <translation>Se exportaron {0} registros a {1}.</translation>
    </message>
    <message>
        <source>The export failed: {0}</source>
        <translation>La exportación falló: {0}</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a file</source>
        <translation>Elija un archivo</translation>
    </message>
    <message>
        <source>A CSV file from Excel, Outlook, Google or another CRM, or a vCard file from a phone or address book.</source>
        <translation>Un archivo CSV de Excel, Outlook, Google u otro CRM, o un archivo vCard de un teléfono o libreta de direcciones.</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>Archivo que importar</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Examinar...</translation>
    </message>
    <message>
        <source>vCard file ({0}): contacts, one per card.</source>
        <translation>Archivo vCard ({0}): contactos, uno por tarjeta.</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>coma</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>punto y coma</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tabulador</translation>
    </message>
    <message>
        <source>vertical bar</source>
        <translation>barra vertical</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>contactos</translation>
    </message>
    <message>
        <source>accounts</source>
        <translation>cuentas</translation>
    </message>
    <message>
        <source>CSV file: encoding {0}, separated by {1}, {2} columns. It looks like {3}.</source>
        <translation>Archivo CSV: codificación {0}, separado por {1}, {2} columnas. Parece que contiene {3}.</translation>
    </message>
    <message>
        <source>Import file</source>
        <translation>Importar archivo</translation>
    </message>
    <message>
        <source>CSV and vCard files (*.csv *.txt *.tsv *.vcf);;All files (*)</source>
        <translation>Archivos CSV y vCard (*.csv *.txt *.tsv *.vcf);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Loading demo data…</source>
        <translation>Cargando datos de demostración…</translation>
    </message>
</context>
<context>
    <name>FormFields</name>
    <message>
        <source>Account information</source>
        <translation>Información de la cuenta</translation>
    </message>
    <message>
        <source>Account name *</source>
        <translation>Nombre de la cuenta *</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>Número de cuenta</translation>
    </message>
    <message>
        <source>Parent account</source>
        <translation>Cuenta primaria</translation>
    </message>
    <message>
        <source>Main phone</source>
        <translation>Teléfono principal</translation>
    </message>
    <message>
        <source>Other phone</source>
        <translation>Otro teléfono</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Facturación</translation>
    </message>
    <message>
        <source>Price list</source>
        <translation>Lista de precios</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Divisa</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>Condiciones de pago</translation>
    </message>
    <message>
        <source>Bill to address</source>
        <translation>Dirección de facturación</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Calle</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Ship to address</source>
        <translation>Dirección de envío</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Contact information</source>
        <translation>Información del contacto</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Last name *</source>
        <translation>Apellidos *</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Email 2</source>
        <translation>Correo electrónico 2</translation>
    </message>
    <message>
        <source>Business phone</source>
        <translation>Teléfono del trabajo</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Teléfono móvil</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <source>account number</source>
        <translation>número de cuenta</translation>
    </message>
    <message>
        <source>billing city</source>
        <translation>ciudad de facturación</translation>
    </message>
    <message>
        <source>billing country</source>
        <translation>país de facturación</translation>
    </message>
    <message>
        <source>billing postal code</source>
        <translation>código postal de facturación</translation>
    </message>
    <message>
        <source>billing street</source>
        <translation>calle de facturación</translation>
    </message>
    <message>
        <source>city</source>
        <translation>ciudad</translation>
    </message>
    <message>
        <source>country</source>
        <translation>país</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>divisa</translation>
    </message>
    <message>
        <source>description</source>
        <translation>descripción</translation>
    </message>
    <message>
        <source>email</source>
        <translation>correo electrónico</translation>
    </message>
    <message>
        <source>email 2</source>
        <translation>correo electrónico 2</translation>
    </message>
    <message>
        <source>first name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>industry</source>
        <translation>sector</translation>
    </message>
    <message>
        <source>job title</source>
        <translation>puesto</translation>
    </message>
    <message>
        <source>last name</source>
        <translation>apellidos</translation>
    </message>
    <message>
        <source>mobile phone</source>
        <translation>teléfono móvil</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>other phone</source>
        <translation>otro teléfono</translation>
    </message>
    <message>
        <source>payment terms</source>
        <translation>condiciones de pago</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>teléfono</translation>
    </message>
    <message>
        <source>postal code</source>
        <translation>código postal</translation>
    </message>
    <message>
        <source>price list</source>
        <translation>lista de precios</translation>
    </message>
    <message>
        <source>shipping city</source>
        <translation>ciudad de envío</translation>
    </message>
    <message>
        <source>shipping country</source>
        <translation>país de envío</translation>
    </message>
    <message>
        <source>shipping postal code</source>
        <translation>código postal de envío</translation>
    </message>
    <message>
        <source>shipping street</source>
        <translation>calle de envío</translation>
    </message>
    <message>
        <source>state</source>
        <translation>estado</translation>
    </message>
    <message>
        <source>street</source>
        <translation>calle</translation>
    </message>
    <message>
        <source>website</source>
        <translation>sitio web</translation>
    </message>
</context>
<context>
    <name>ImportReasons</name>
    <message>
        <source>a contact with the same name and no company</source>
        <comment>duplicate.name_no_company</comment>
        <translation>un contacto con el mismo nombre y sin empresa</translation>
    </message>
    <message>
        <source>{match}, with nothing new to update</source>
        <comment>duplicate.nothing_new</comment>
        <translation>{match}, sin nada nuevo que actualizar</translation>
    </message>
    <message>
        <source>a contact with a very similar name at the same company ({name})</source>
        <comment>duplicate.similar_name</comment>
        <translation>un contacto con un nombre muy parecido en la misma empresa ({name})</translation>
    </message>
    <message>
        <source>same name as {whom} ({value})</source>
        <comment>duplicate.account_name</comment>
        <translation>mismo nombre que {whom} ({value})</translation>
    </message>
    <message>
        <source>same account number as {whom} ({value})</source>
        <comment>duplicate.account_number</comment>
        <translation>mismo número de cuenta que {whom} ({value})</translation>
    </message>
    <message>
        <source>same email as {whom} ({email})</source>
        <comment>duplicate.email</comment>
        <translation>mismo correo electrónico que {whom} ({email})</translation>
    </message>
    <message>
        <source>same phone as {whom} ({phone})</source>
        <comment>duplicate.phone</comment>
        <translation>mismo teléfono que {whom} ({phone})</translation>
    </message>
    <message>
        <source>same website as {whom} ({value})</source>
        <comment>duplicate.website</comment>
        <translation>mismo sitio web que {whom} ({value})</translation>
    </message>
    <message>
        <source>cannot be read as {encoding}: it reads as binary; leave the encoding out to have it detected</source>
        <comment>encoding.binary</comment>
        <translation>no se puede leer como {encoding}: se lee como binario; no indique la codificación para que se detecte sola</translation>
    </message>
    <message>
        <source>cannot be read as {encoding}: {error} (name {codec}-le or {codec}-be instead)</source>
        <comment>encoding.no_bom</comment>
        <translation>no se puede leer como {encoding}: {error} (indique {codec}-le o {codec}-be)</translation>
    </message>
    <message>
        <source>{encoding!r} is not a text encoding (try utf-8, cp1252 or utf-16)</source>
        <comment>encoding.not_text</comment>
        <translation>{encoding!r} no es una codificación de texto (pruebe utf-8, cp1252 o utf-16)</translation>
    </message>
    <message>
        <source>cannot be read as {encoding}: the file is not {wide} text</source>
        <comment>encoding.not_wide</comment>
        <translation>no se puede leer como {encoding}: el archivo no es texto {wide}</translation>
    </message>
    <message>
        <source>cannot be read as {encoding}: {error}</source>
        <comment>encoding.undecodable</comment>
        <translation>no se puede leer como {encoding}: {error}</translation>
    </message>
    <message>
        <source>unknown encoding {encoding!r} (try utf-8, cp1252 or utf-16)</source>
        <comment>encoding.unknown</comment>
        <translation>codificación desconocida: {encoding!r} (pruebe utf-8, cp1252 o utf-16)</translation>
    </message>
    <message>
        <source>unknown encoding {encoding!r}</source>
        <comment>encoding.unknown_codec</comment>
        <translation>codificación desconocida: {encoding!r}</translation>
    </message>
    <message>
        <source>account</source>
        <comment>entity.account</comment>
        <translation>la cuenta</translation>
    </message>
    <message>
        <source>connection</source>
        <comment>entity.connection</comment>
        <translation>la conexión</translation>
    </message>
    <message>
        <source>connection_role</source>
        <comment>entity.connection_role</comment>
        <translation>el rol de conexión</translation>
    </message>
    <message>
        <source>contact</source>
        <comment>entity.contact</comment>
        <translation>el contacto</translation>
    </message>
    <message>
        <source>the file is binary, not a CSV or vCard text file</source>
        <comment>file.binary</comment>
        <translation>el archivo es binario, no un archivo de texto CSV o vCard</translation>
    </message>
    <message>
        <source>{file}, line {line}: cannot read the file ({error}); is a closing quote missing?</source>
        <comment>file.broken_csv</comment>
        <translation>{file}, línea {line}: no se puede leer el archivo ({error}); ¿falta cerrar unas comillas?</translation>
    </message>
    <message>
        <source>{file}: the file is empty</source>
        <comment>file.empty</comment>
        <translation>{file}: el archivo está vacío</translation>
    </message>
    <message>
        <source>{path}: is a folder, not a file</source>
        <comment>file.folder</comment>
        <translation>{path}: es una carpeta, no un archivo</translation>
    </message>
    <message>
        <source>{file}: {why}</source>
        <comment>file.in</comment>
        <translation>{file}: {why}</translation>
    </message>
    <message>
        <source>{file}, line {line}: cannot be read as {encoding} ({error})</source>
        <comment>file.line_undecodable</comment>
        <translation>{file}, línea {line}: no se puede leer como {encoding} ({error})</translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <comment>file.missing</comment>
        <translation>{path}: el archivo no existe</translation>
    </message>
    <message>
        <source>{file}: this is a PDF document, not a CSV or vCard file; save it as CSV and import that</source>
        <comment>file.pdf</comment>
        <translation>{file}: es un documento PDF, no un archivo CSV o vCard; guárdelo como CSV e importe ese</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({error})</source>
        <comment>file.unreadable</comment>
        <translation>{path}: no se puede leer ({error})</translation>
    </message>
    <message>
        <source>{file}: this is an old Excel workbook (.xls), not a CSV or vCard file; save it as CSV and import that</source>
        <comment>file.xls</comment>
        <translation>{file}: es un libro de Excel antiguo (.xls), no un archivo CSV o vCard; guárdelo como CSV e importe ese</translation>
    </message>
    <message>
        <source>{file}: this is an Excel workbook or another zip file (.xlsx), not a CSV or vCard file; save it as CSV and import that</source>
        <comment>file.xlsx</comment>
        <translation>{file}: es un libro de Excel u otro archivo zip (.xlsx), no un archivo CSV o vCard; guárdelo como CSV e importe ese</translation>
    </message>
    <message>
        <source>an earlier line</source>
        <comment>line.earlier</comment>
        <translation>una línea anterior</translation>
    </message>
    <message>
        <source>line {line}</source>
        <comment>line.number</comment>
        <translation>la línea {line}</translation>
    </message>
    <message>
        <source>no column holds the account name (Company, Empresa, Name...); map one by hand</source>
        <comment>mapping.no_account_name</comment>
        <translation>ninguna columna tiene el nombre de la cuenta (Company, Empresa, Nombre...); asigne una a mano</translation>
    </message>
    <message>
        <source>{path}: not a saved mapping (no &quot;columns&quot; of header -&gt; field)</source>
        <comment>mapping.no_columns</comment>
        <translation>{path}: no es una asociación guardada (no tiene &quot;columns&quot; de encabezado -&gt; campo)</translation>
    </message>
    <message>
        <source>no column holds a contact&apos;s name (Last Name, Apellidos, Name...); map one by hand</source>
        <comment>mapping.no_contact_name</comment>
        <translation>ninguna columna tiene el nombre de un contacto (Last Name, Apellidos, Nombre...); asigne una a mano</translation>
    </message>
    <message>
        <source>no column is a field we know; is the first row a header? Map the columns by hand</source>
        <comment>mapping.no_field</comment>
        <translation>ninguna columna es un campo conocido; ¿es la primera fila un encabezado? Asocie las columnas a mano</translation>
    </message>
    <message>
        <source>{path}: not a saved mapping ({error})</source>
        <comment>mapping.not_saved</comment>
        <translation>{path}: no es una asociación guardada ({error})</translation>
    </message>
    <message>
        <source>cannot import into {target!r}; choose one of: {choices}</source>
        <comment>mapping.unknown_target</comment>
        <translation>no se puede importar en {target!r}; elija uno de estos: {choices}</translation>
    </message>
    <message>
        <source>a vCard file holds contacts; import it as contacts</source>
        <comment>mapping.vcard_contacts</comment>
        <translation>un archivo vCard contiene contactos; impórtelo como contactos</translation>
    </message>
    <message>
        <source>team</source>
        <comment>principal.team</comment>
        <translation>equipo</translation>
    </message>
    <message>
        <source>user</source>
        <comment>principal.user</comment>
        <translation>usuario</translation>
    </message>
    <message>
        <source>these records are already connected with these roles</source>
        <comment>record.already_connected</comment>
        <translation>estos registros ya están conectados con estos roles</translation>
    </message>
    <message>
        <source>the contact is inactive</source>
        <comment>record.contact_inactive</comment>
        <translation>el contacto está inactivo</translation>
    </message>
    <message>
        <source>ends on {end}, before it starts on {start}</source>
        <comment>record.ends_before_start</comment>
        <translation>termina el {end}, antes de empezar el {start}</translation>
    </message>
    <message>
        <source>{kind} {id} is inactive</source>
        <comment>record.inactive</comment>
        <translation>el registro {id} ({kind}) está inactivo</translation>
    </message>
    <message>
        <source>account {id} does not exist</source>
        <comment>record.no_account</comment>
        <translation>la cuenta {id} no existe</translation>
    </message>
    <message>
        <source>contact {id} does not exist</source>
        <comment>record.no_contact</comment>
        <translation>el contacto {id} no existe</translation>
    </message>
    <message>
        <source>{kind} {id} does not exist</source>
        <comment>record.no_record</comment>
        <translation>el registro {id} ({kind}) no existe</translation>
    </message>
    <message>
        <source>role {id} does not exist</source>
        <comment>record.no_role</comment>
        <translation>el rol {id} no existe</translation>
    </message>
    <message>
        <source>must be a contact of this account</source>
        <comment>record.not_its_contact</comment>
        <translation>debe ser un contacto de esta cuenta</translation>
    </message>
    <message>
        <source>is not a matching role of {role}</source>
        <comment>record.not_matching_role</comment>
        <translation>no es un rol que corresponda a {role}</translation>
    </message>
    <message>
        <source>would make a cycle of parent accounts</source>
        <comment>record.parent_cycle</comment>
        <translation>crearía un ciclo de cuentas primarias</translation>
    </message>
    <message>
        <source>a record cannot be connected to itself</source>
        <comment>record.self_connection</comment>
        <translation>un registro no se puede conectar consigo mismo</translation>
    </message>
    <message>
        <source>append</source>
        <comment>right.append</comment>
        <translation>Anexar</translation>
    </message>
    <message>
        <source>append_to</source>
        <comment>right.append_to</comment>
        <translation>Anexar a</translation>
    </message>
    <message>
        <source>assign</source>
        <comment>right.assign</comment>
        <translation>Asignar</translation>
    </message>
    <message>
        <source>delete</source>
        <comment>right.delete</comment>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>read</source>
        <comment>right.read</comment>
        <translation>Leer</translation>
    </message>
    <message>
        <source>share</source>
        <comment>right.share</comment>
        <translation>Compartir</translation>
    </message>
    <message>
        <source>write</source>
        <comment>right.write</comment>
        <translation>Escribir</translation>
    </message>
    <message>
        <source>the account name {why}</source>
        <comment>row.account_name</comment>
        <translation>el nombre de la cuenta {why}</translation>
    </message>
    <message>
        <source>{column}: has characters that are not valid in this file&apos;s encoding; save the file as UTF-8 and import it again</source>
        <comment>row.bad_characters</comment>
        <translation>{column}: tiene caracteres que no son válidos en la codificación de este archivo; guarde el archivo como UTF-8 e impórtelo de nuevo</translation>
    </message>
    <message>
        <source>the card has no END:VCARD; is the file cut short?</source>
        <comment>row.card_cut_short</comment>
        <translation>a la tarjeta le falta END:VCARD; ¿está cortado el archivo?</translation>
    </message>
    <message>
        <source>{column}: {why}</source>
        <comment>row.column</comment>
        <translation>{column}: {why}</translation>
    </message>
    <message>
        <source>{field}: {why}</source>
        <comment>row.field</comment>
        <translation>{field}: {why}</translation>
    </message>
    <message>
        <source>the row has {cells} cells but the header has {headers}; is a delimiter inside a value without quotes?</source>
        <comment>row.too_many_cells</comment>
        <translation>la fila tiene {cells} celdas pero el encabezado tiene {headers}; ¿hay un separador dentro de un valor sin comillas?</translation>
    </message>
    <message>
        <source>{entity} {id} was deleted</source>
        <comment>sync.deleted</comment>
        <translation>{entity} {id} se eliminó</translation>
    </message>
    <message>
        <source>a record with id {id} already exists</source>
        <comment>sync.exists</comment>
        <translation>ya existe un registro con el identificador {id}</translation>
    </message>
    <message>
        <source>{field}: {why}</source>
        <comment>sync.field</comment>
        <translation>{field}: {why}</translation>
    </message>
    <message>
        <source>{entity} {id} does not exist</source>
        <comment>sync.missing</comment>
        <translation>{entity} {id} no existe en el servidor</translation>
    </message>
    <message>
        <source>you have no access to {entity} {id}</source>
        <comment>sync.no_access</comment>
        <translation>no puede ver {entity} {id}</translation>
    </message>
    <message>
        <source>there is no {kind} named {name!r}</source>
        <comment>sync.no_principal</comment>
        <translation>no hay ningún {kind} llamado {name!r}</translation>
    </message>
    <message>
        <source>record {id} does not exist</source>
        <comment>sync.no_record</comment>
        <translation>el registro {id} no existe</translation>
    </message>
    <message>
        <source>you have no {right} right on {entity} {id}</source>
        <comment>sync.no_right</comment>
        <translation>no tiene el derecho &quot;{right}&quot; sobre {entity} {id}</translation>
    </message>
    <message>
        <source>{value!r} is not a record id (a UUID)</source>
        <comment>sync.not_uuid</comment>
        <translation>{value!r} no es un identificador de registro (un UUID)</translation>
    </message>
    <message>
        <source>you cannot share rights you do not hold on {entity} {id}</source>
        <comment>sync.share_beyond</comment>
        <translation>no puede compartir derechos que usted no tiene sobre {entity} {id}</translation>
    </message>
    <message>
        <source>share it with team {owner} instead</source>
        <comment>sync.share_with_team</comment>
        <translation>compártalo con el equipo {owner}</translation>
    </message>
    <message>
        <source>this {entity} belongs to team {team}: only an admin can assign it outside the team; {instead}</source>
        <comment>sync.team_only</comment>
        <translation>{entity} pertenece al equipo {team}: solo un administrador puede asignar el registro fuera del equipo; {instead}</translation>
    </message>
    <message>
        <source>assign it to a member, or share it ({owner} is not a member of {team})</source>
        <comment>sync.to_a_member</comment>
        <translation>asígnelo a un miembro del equipo o compártalo ({owner} no es miembro de {team})</translation>
    </message>
    <message>
        <source>contains a control character ({char})</source>
        <comment>value.control</comment>
        <translation>contiene un carácter de control ({char})</translation>
    </message>
    <message>
        <source>{value!r} is not a 3-letter currency code</source>
        <comment>value.currency</comment>
        <translation>{value!r} no es un código de moneda de 3 letras</translation>
    </message>
    <message>
        <source>{value!r} is not a date (YYYY-MM-DD)</source>
        <comment>value.date</comment>
        <translation>{value!r} no es una fecha (AAAA-MM-DD)</translation>
    </message>
    <message>
        <source>{detail}</source>
        <comment>value.email</comment>
        <translation>el correo electrónico {value!r} no es válido</translation>
    </message>
    <message>
        <source>must be one line (it has a line break)</source>
        <comment>value.line_break</comment>
        <translation>debe ser una sola línea (tiene un salto de línea)</translation>
    </message>
    <message>
        <source>must be text, not {type}</source>
        <comment>value.not_text</comment>
        <translation>debe ser texto, no {type}</translation>
    </message>
    <message>
        <source>contains a NUL character</source>
        <comment>value.nul</comment>
        <translation>contiene un carácter NUL</translation>
    </message>
    <message>
        <source>must be one of {choices}</source>
        <comment>value.one_of</comment>
        <translation>debe ser uno de estos: {choices}</translation>
    </message>
    <message>
        <source>{value!r} is not a phone number</source>
        <comment>value.phone</comment>
        <translation>{value!r} no es un número de teléfono</translation>
    </message>
    <message>
        <source>{value!r} is not a record id</source>
        <comment>value.record_id</comment>
        <translation>{value!r} no es un identificador de registro</translation>
    </message>
    <message>
        <source>is required</source>
        <comment>value.required</comment>
        <translation>es obligatorio</translation>
    </message>
    <message>
        <source>is longer than {limit} characters</source>
        <comment>value.too_long</comment>
        <translation>tiene más de {limit} caracteres</translation>
    </message>
    <message>
        <source>unknown field of {entity}</source>
        <comment>value.unknown_field</comment>
        <translation>no es un campo de {entity}</translation>
    </message>
    <message>
        <source>updated the same account as {where} ({match}); the lines were applied in order, so the later values stand</source>
        <comment>warning.account_again</comment>
        <translation>actualizó la misma cuenta que {where} ({match}); las líneas se aplicaron en orden, así que quedan los valores de la posterior</translation>
    </message>
    <message>
        <source>{first}. {second}</source>
        <comment>warning.both</comment>
        <translation>{first}. {second}</translation>
    </message>
    <message>
        <source>updated the same account ({name}) as {where}; the lines were applied in order, so the later values stand</source>
        <comment>warning.company_again</comment>
        <translation>actualizó la misma cuenta ({name}) que {where}; las líneas se aplicaron en orden, así que quedan los valores de la posterior</translation>
    </message>
    <message>
        <source>{name} exists, so {columns} was not imported (create only; --mode upsert updates it)</source>
        <comment>warning.company_kept</comment>
        <translation>{name} ya existe, así que no se importó {columns} (la importación solo crea registros nuevos; elija también actualizar para cambiar la cuenta)</translation>
    </message>
    <message>
        <source>{name} exists, so {columns} were not imported (create only; --mode upsert updates it)</source>
        <comment>warning.company_kept_many</comment>
        <translation>{name} ya existe, así que no se importaron {columns} (la importación solo crea registros nuevos; elija también actualizar para cambiar la cuenta)</translation>
    </message>
    <message>
        <source>updated the same contact as {where} ({match}); the lines were applied in order, so the later values stand</source>
        <comment>warning.contact_again</comment>
        <translation>actualizó el mismo contacto que {where} ({match}); las líneas se aplicaron en orden, así que quedan los valores de la posterior</translation>
    </message>
    <message>
        <source>{columns}: not imported: {company} is empty on this line, so there is no account to hold them</source>
        <comment>warning.no_company</comment>
        <translation>{columns}: no se importó: {company} está vacío en esta línea, así que no hay ninguna cuenta donde guardarlo</translation>
    </message>
    <message>
        <source>an existing account</source>
        <comment>whom.existing_account</comment>
        <translation>una cuenta existente</translation>
    </message>
    <message>
        <source>an existing contact</source>
        <comment>whom.existing_contact</comment>
        <translation>un contacto existente</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import accounts and contacts</source>
        <translation>Importar cuentas y contactos</translation>
    </message>
    <message>
        <source>Contact: full name (split into first and last)</source>
        <translation>Contacto: nombre completo (separado en nombre y apellidos)</translation>
    </message>
    <message>
        <source>Account: {0}</source>
        <translation>Cuenta: {0}</translation>
    </message>
    <message>
        <source>Contact: {0}</source>
        <translation>Contacto: {0}</translation>
    </message>
</context>
<context>
    <name>IssueDetail</name>
    <message>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
    <message>
        <source>Open record</source>
        <translation>Abrir registro</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Mantener lo mío</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Aceptar lo del servidor</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Send your values again, over the server&apos;s</source>
        <translation>Enviar de nuevo sus valores, sobre los del servidor</translation>
    </message>
    <message>
        <source>Use the server&apos;s values and drop yours</source>
        <translation>Usar los valores del servidor y descartar los suyos</translation>
    </message>
    <message>
        <source>Send the record as it is now (edit it first)</source>
        <translation>Enviar el registro tal como está ahora (edítelo antes)</translation>
    </message>
    <message>
        <source>Drop your change and undo it here</source>
        <translation>Descartar su cambio y deshacerlo aquí</translation>
    </message>
    <message>
        <source>Delete anyway</source>
        <translation>Eliminar de todos modos</translation>
    </message>
    <message>
        <source>Delete the record on the server too, with the changes shown</source>
        <translation>Eliminar el registro también en el servidor, con los cambios mostrados</translation>
    </message>
    <message>
        <source>Keep the record as it is on the server</source>
        <translation>Conservar el registro tal como está en el servidor</translation>
    </message>
    <message>
        <source>Someone changed connections of this record on the server after you deleted it, so the server kept it and them, and they are back here. Delete anyway to delete it with those connections, or Take theirs to keep it as it is on the server.</source>
        <translation>Alguien cambió conexiones de este registro en el servidor después de que usted lo eliminara, así que el servidor conservó el registro y esas conexiones, y han vuelto aquí. Elija Eliminar de todos modos para eliminarlo junto con esas conexiones, o Aceptar lo del servidor para conservarlo tal como está en el servidor.</translation>
    </message>
    <message>
        <source>Someone changed this record on the server after you deleted it, so the server kept it and it is back here. Delete anyway to delete it with their changes, or Take theirs to keep it as it is on the server.</source>
        <translation>Alguien cambió este registro en el servidor después de que usted lo eliminara, así que el servidor lo conservó y ha vuelto aquí. Elija Eliminar de todos modos para eliminarlo junto con esos cambios, o Aceptar lo del servidor para conservarlo tal como está en el servidor.</translation>
    </message>
    <message>
        <source>Someone changed these fields on the server after your edit. Keep your values or take the server&apos;s.</source>
        <translation>Alguien cambió estos campos en el servidor después de su edición. Mantenga sus valores o acepte los del servidor.</translation>
    </message>
    <message>
        <source>The server did not take your change: {reason}.</source>
        <translation>El servidor no aceptó su cambio: {reason}.</translation>
    </message>
    <message>
        <source>The server said: {message}.</source>
        <translation>El servidor dijo: {message}.</translation>
    </message>
    <message>
        <source>Fix the record and Retry, or Discard your change.</source>
        <translation>Corrija el registro y reintente, o descarte su cambio.</translation>
    </message>
    <message>
        <source>The connection that went with this assign follows your choice.</source>
        <translation>La conexión que acompañó a esta asignación sigue su decisión.</translation>
    </message>
    <message>
        <source>The {count} connections that went with this assign follow your choice.</source>
        <translation>Las {count} conexiones que acompañaron a esta asignación siguen su decisión.</translation>
    </message>
    <message>
        <source>Another rep has connections to this record that you cannot see, so the server kept it, and it is back here. Delete anyway to delete it with those connections, or Take theirs to keep it as it is on the server.</source>
        <translation>Otro comercial tiene conexiones con este registro que usted no puede ver, así que el servidor lo conservó y ha vuelto aquí. Elija Eliminar de todos modos para eliminarlo junto con esas conexiones, o Aceptar lo del servidor para conservarlo tal como está en el servidor.</translation>
    </message>
    <message>
        <source>You had deleted one of those connections on its own too: its conflict follows your choice here.</source>
        <translation>También había eliminado una de esas conexiones por separado: su conflicto sigue la opción que elija aquí.</translation>
    </message>
    <message>
        <source>You had deleted {count} of those connections on their own too: their conflicts follow your choice here.</source>
        <translation>También había eliminado {count} de esas conexiones por separado: sus conflictos siguen la opción que elija aquí.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to your team&apos;s server</source>
        <translation>Inicie sesión en el servidor de su equipo</translation>
    </message>
    <message>
        <source>Your changes stay on this computer until you log in; then they go to your team and theirs come to you.</source>
        <translation>Sus cambios se quedan en este equipo hasta que inicie sesión; entonces llegan a su equipo y los de ellos llegan a usted.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>Login problem</source>
        <translation>Problema al iniciar sesión</translation>
    </message>
    <message>
        <source>Logging in</source>
        <translation>Iniciando sesión</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>Trabajar sin conexión</translation>
    </message>
    <message>
        <source>Enter the server address your admin gave you.</source>
        <translation>Escriba la dirección del servidor que le dio su administrador.</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Escriba su nombre de usuario.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Escriba su contraseña.</translation>
    </message>
    <message>
        <source>No crm-server answers at this address; check it with your admin (it starts with http:// or https://).</source>
        <translation>No hay ningún servidor crm-server en esta dirección; compruébela con su administrador (empieza por http:// o https://).</translation>
    </message>
    <message>
        <source>Cannot reach the server at {address}; check the address and your connection.</source>
        <translation>No se puede conectar con el servidor en {address}; compruebe la dirección y su conexión.</translation>
    </message>
    <message>
        <source>The server is older than this app; ask your admin to upgrade it.</source>
        <translation>El servidor es más antiguo que esta aplicación; pida a su administrador que lo actualice.</translation>
    </message>
    <message>
        <source>Something at this address answered, but not as a crm-server: check the address, or sign in to the network first (a hotel or airport Wi-Fi page).</source>
        <translation>Algo respondió en esta dirección, pero no es un crm-server: compruebe la dirección o inicie antes sesión en la red (la página de wifi de un hotel o aeropuerto).</translation>
    </message>
    <message>
        <source>Too many wrong passwords for this user: the server takes no login for a while. Try again later, or ask your admin.</source>
        <translation>Demasiadas contraseñas incorrectas para este usuario: el servidor no admite inicios de sesión durante un tiempo. Inténtelo más tarde o consulte a su administrador.</translation>
    </message>
    <message>
        <source>The server did not accept this user name and password.</source>
        <translation>El servidor no aceptó este usuario y contraseña.</translation>
    </message>
    <message>
        <source>This app is too old for the server; please update it.</source>
        <translation>Esta aplicación es demasiado antigua para el servidor; actualícela.</translation>
    </message>
    <message>
        <source>The server had a problem; try again in a moment.</source>
        <translation>El servidor tuvo un problema; inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>Logging in failed; see the log.</source>
        <translation>No se pudo iniciar sesión; consulte el registro.</translation>
    </message>
    <message>
        <source>1 change made as {user} is not synced yet.</source>
        <translation>1 cambio hecho como {user} aún no está sincronizado.</translation>
    </message>
    <message>
        <source>{count} changes made as {user} are not synced yet.</source>
        <translation>{count} cambios hechos como {user} aún no están sincronizados.</translation>
    </message>
    <message>
        <source>Log in as {user} and sync (and settle any sync issues) before another user logs in here.</source>
        <translation>Inicie sesión como {user} y sincronice (y resuelva los problemas de sincronización) antes de que otro usuario inicie sesión aquí.</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Sync issues</source>
        <translation>Problemas de sincronización</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navegación</translation>
    </message>
    <message>
        <source>Record not found</source>
        <translation>Registro no encontrado</translation>
    </message>
    <message>
        <source>This record was deleted, here or on the server.</source>
        <translation>Este registro se eliminó, aquí o en el servidor.</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>No se pudo guardar</translation>
    </message>
    <message>
        <source>Login kept until you close the app</source>
        <translation>Sesión guardada hasta que cierre la aplicación</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep your login in, so you will be asked to log in again the next time you open the app.</source>
        <translation>Este equipo no tiene un llavero donde guardar su sesión, así que se le pedirá que vuelva a iniciar sesión la próxima vez que abra la aplicación.</translation>
    </message>
    <message>
        <source>Open a list to sort it</source>
        <translation>Abra una lista para ordenarla</translation>
    </message>
    <message>
        <source>&amp;Descending</source>
        <translation>&amp;Descendente</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Sort by</source>
        <translation>&amp;Ordenar por</translation>
    </message>
    <message>
        <source>&amp;New record</source>
        <translation>&amp;Nuevo registro</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <source>&amp;Log in…</source>
        <translation>&amp;Iniciar sesión…</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>&amp;Delete record</source>
        <translation>&amp;Eliminar registro</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Sincronizar ahora</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Delete the selected record (Del in the list)</source>
        <translation>Eliminar el registro seleccionado (Supr en la lista)</translation>
    </message>
    <message>
        <source>1 change made as %1 is not synced yet. It waits here until %1 logs in again and syncs; no one else can log in on this computer until then.

Log out?</source>
        <translation>1 cambio hecho como %1 aún no está sincronizado. Espera aquí hasta que %1 vuelva a iniciar sesión y sincronice; hasta entonces nadie más puede iniciar sesión en este equipo.

¿Cerrar sesión?</translation>
    </message>
    <message>
        <source>%2 changes made as %1 are not synced yet. They wait here until %1 logs in again and syncs; no one else can log in on this computer until then.

Log out?</source>
        <translation>%2 cambios hechos como %1 aún no están sincronizados. Esperan aquí hasta que %1 vuelva a iniciar sesión y sincronice; hasta entonces nadie más puede iniciar sesión en este equipo.

¿Cerrar sesión?</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Cerrar sesión</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Match columns to fields</source>
        <translation>Asocie columnas y campos</translation>
    </message>
    <message>
        <source>Columns were matched by name; change any, or choose (ignore).</source>
        <translation>Las columnas se asociaron por nombre; cambie las que quiera o elija (ignorar).</translation>
    </message>
    <message>
        <source>Contacts (with their companies)</source>
        <translation>Contactos (con sus empresas)</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>Load mapping...</source>
        <translation>Cargar asociación...</translation>
    </message>
    <message>
        <source>Save mapping...</source>
        <translation>Guardar asociación...</translation>
    </message>
    <message>
        <source>Import as:</source>
        <translation>Importar como:</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>Primer valor</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>(ignorar)</translation>
    </message>
    <message>
        <source>Load mapping</source>
        <translation>Cargar asociación</translation>
    </message>
    <message>
        <source>Mappings (*.json)</source>
        <translation>Asociaciones (*.json)</translation>
    </message>
    <message>
        <source>{0} is not a mapping saved by this app, or cannot be read.</source>
        <translation>{0} no es una asociación guardada por esta aplicación, o no se puede leer.</translation>
    </message>
    <message>
        <source>The mapping {0} does not fit this file; the columns keep their fields.</source>
        <translation>La asociación {0} no corresponde a este archivo; las columnas conservan sus campos.</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>Guardar asociación</translation>
    </message>
    <message>
        <source>The mapping was not saved: {0}</source>
        <translation>No se guardó la asociación: {0}</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <source>Duplicates</source>
        <translation>Duplicados</translation>
    </message>
    <message>
        <source>A row is a duplicate when its email or phone is already there, or a contact with a very similar name works at the same company.</source>
        <translation>Una fila es un duplicado cuando su correo o teléfono ya existe, o un contacto con un nombre muy parecido trabaja en la misma empresa.</translation>
    </message>
    <message>
        <source>Create new records only</source>
        <translation>Crear solo registros nuevos</translation>
    </message>
    <message>
        <source>Create new records and update the ones with the same email, account number or account name</source>
        <translation>Crear registros nuevos y actualizar los que tengan el mismo correo, número de cuenta o nombre de cuenta</translation>
    </message>
    <message>
        <source>Skip duplicates</source>
        <translation>Omitir duplicados</translation>
    </message>
    <message>
        <source>Update the existing record with the row&apos;s values</source>
        <translation>Actualizar el registro existente con los valores de la fila</translation>
    </message>
    <message>
        <source>Only check the file (write nothing)</source>
        <translation>Solo comprobar el archivo (no escribir nada)</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>Registros:</translation>
    </message>
    <message>
        <source>Duplicates:</source>
        <translation>Duplicados:</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
</context>
<context>
    <name>PickerDialog</name>
    <message>
        <source>Type part of a name, email, phone or company:</source>
        <translation>Escriba parte de un nombre, correo, teléfono o empresa:</translation>
    </message>
    <message>
        <source>Choose a record</source>
        <translation>Elegir un registro</translation>
    </message>
    <message>
        <source>Search records</source>
        <translation>Buscar registros</translation>
    </message>
    <message>
        <source>Matching records</source>
        <translation>Registros encontrados</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minutos</translation>
    </message>
    <message>
        <source>Minutes between automatic syncs</source>
        <translation>Minutos entre sincronizaciones automáticas</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>&amp;Sync every:</source>
        <translation>&amp;Sincronizar cada:</translation>
    </message>
    <message>
        <source>Your changes are also sent a few seconds after each edit, and F9 syncs at any time.</source>
        <translation>Sus cambios también se envían unos segundos después de cada edición, y F9 sincroniza en cualquier momento.</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>The first rows of the file, as they will be read.</source>
        <translation>Las primeras filas del archivo, tal como se leerán.</translation>
    </message>
</context>
<context>
    <name>PrincipalPicker</name>
    <message>
        <source>&amp;User</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>&amp;Equipo</translation>
    </message>
    <message>
        <source>User or team name</source>
        <translation>Nombre de usuario o equipo</translation>
    </message>
    <message>
        <source>Give to:</source>
        <translation>Dar a:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Pick a name or type one.</source>
        <translation>Elija un nombre o escríbalo.</translation>
    </message>
    <message>
        <source>Type the exact name; the server checks it when you sync.</source>
        <translation>Escriba el nombre exacto; el servidor lo comprueba al sincronizar.</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <source>Importing</source>
        <translation>Importando</translation>
    </message>
    <message>
        <source>Every imported record is queued and syncs like any edit.</source>
        <translation>Cada registro importado se pone en cola y se sincroniza como cualquier cambio.</translation>
    </message>
    <message>
        <source>Starting...</source>
        <translation>Empezando...</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Cancelar importación</translation>
    </message>
    <message>
        <source>{0} of about {1} rows</source>
        <translation>{0} de unas {1} filas</translation>
    </message>
    <message>
        <source>Cancelling after the rows in progress...</source>
        <translation>Cancelando tras las filas en curso...</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save &amp;&amp; &amp;Close</source>
        <translation>Guardar y &amp;cerrar</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>&amp;Assign…</source>
        <translation>&amp;Asignar…</translation>
    </message>
    <message>
        <source>S&amp;hare…</source>
        <translation>&amp;Compartir…</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Guardar (Ctrl+S)</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Conexiones</translation>
    </message>
    <message>
        <source>De&amp;activate</source>
        <translation>Des&amp;activar</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>&amp;Activar</translation>
    </message>
    <message>
        <source>not synced yet</source>
        <translation>aún sin sincronizar</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>Propietario: %1</translation>
    </message>
    <message>
        <source>● Not synced yet</source>
        <translation>● Aún sin sincronizar</translation>
    </message>
    <message>
        <source>Changes wait to reach the server</source>
        <translation>Los cambios esperan llegar al servidor</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Nueva cuenta</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Nuevo contacto</translation>
    </message>
    <message>
        <source> (inactive)</source>
        <translation> (inactivo)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation>¿Guardar los cambios de %1?</translation>
    </message>
</context>
<context>
    <name>RecordListView</name>
    <message>
        <source>My active accounts</source>
        <translation>Mis cuentas activas</translation>
    </message>
    <message>
        <source>Active accounts</source>
        <translation>Cuentas activas</translation>
    </message>
    <message>
        <source>Inactive accounts</source>
        <translation>Cuentas inactivas</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Todas las cuentas</translation>
    </message>
    <message>
        <source>My active contacts</source>
        <translation>Mis contactos activos</translation>
    </message>
    <message>
        <source>Active contacts</source>
        <translation>Contactos activos</translation>
    </message>
    <message>
        <source>Inactive contacts</source>
        <translation>Contactos inactivos</translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation>Todos los contactos</translation>
    </message>
    <message>
        <source>accounts</source>
        <translation>cuentas</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>contactos</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nuevo</translation>
    </message>
    <message>
        <source>New record (Ctrl+N)</source>
        <translation>Nuevo registro (Ctrl+N)</translation>
    </message>
    <message>
        <source>New record</source>
        <translation>Nuevo registro</translation>
    </message>
    <message>
        <source>Search %1 (Ctrl+F)</source>
        <translation>Buscar %1 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search %1</source>
        <translation>Buscar %1</translation>
    </message>
    <message>
        <source>List view</source>
        <translation>Vista de lista</translation>
    </message>
    <message>
        <source>List of %1</source>
        <translation>Lista de %1</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <source>Export this list</source>
        <translation>Exportar esta lista</translation>
    </message>
    <message>
        <source>Sorting…</source>
        <translation>Ordenando…</translation>
    </message>
    <message>
        <source>%1+ matches</source>
        <translation>%1+ resultados</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 resultados</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 resultado</translation>
    </message>
    <message>
        <source>%1+ records (counting…)</source>
        <translation>%1+ registros (contando…)</translation>
    </message>
    <message>
        <source>%1 accounts</source>
        <translation>%1 cuentas</translation>
    </message>
    <message>
        <source>1 account</source>
        <translation>1 cuenta</translation>
    </message>
    <message>
        <source>%1 contacts</source>
        <translation>%1 contactos</translation>
    </message>
    <message>
        <source>1 contact</source>
        <translation>1 contacto</translation>
    </message>
</context>
<context>
    <name>RecordPicker</name>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Choose a record</source>
        <translation>Elegir un registro</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Clear the choice</source>
        <translation>Borrar la elección</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>not synced yet</source>
        <translation>aún sin sincronizar</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>Número de cuenta</translation>
    </message>
    <message>
        <source>Main phone</source>
        <translation>Teléfono principal</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propietario</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Business phone</source>
        <translation>Teléfono del trabajo</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>%1, not synced yet</source>
        <translation>%1, aún sin sincronizar</translation>
    </message>
    <message>
        <source>Not synced yet: this change waits to reach the server</source>
        <translation>Aún sin sincronizar: este cambio espera llegar al servidor</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Import report</source>
        <translation>Informe de importación</translation>
    </message>
    <message>
        <source>What happened to the rows of the file. Failed rows were not imported at all.</source>
        <translation>Qué pasó con las filas del archivo. Las filas fallidas no se importaron.</translation>
    </message>
    <message>
        <source>Failed rows:</source>
        <translation>Filas fallidas:</translation>
    </message>
    <message>
        <source>Save failed rows...</source>
        <translation>Guardar filas fallidas...</translation>
    </message>
    <message>
        <source>The import stopped: {0}</source>
        <translation>La importación se detuvo: {0}</translation>
    </message>
    <message>
        <source>Skipped as duplicates:</source>
        <translation>Omitidas por duplicadas:</translation>
    </message>
    <message>
        <source>Skipped as duplicates (the first {0} of {1}):</source>
        <translation>Omitidas por duplicadas (las primeras {0} de {1}):</translation>
    </message>
    <message>
        <source>Imported with a warning:</source>
        <translation>Importadas con un aviso:</translation>
    </message>
    <message>
        <source>Imported with a warning (the first {0} of {1}):</source>
        <translation>Importadas con un aviso (las primeras {0} de {1}):</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Created: {0}. Updated: {1}. Skipped as duplicates: {2}. Failed: {3}.</source>
        <translation>Creados: {0}. Actualizados: {1}. Omitidos por duplicados: {2}. Fallidos: {3}.</translation>
    </message>
    <message>
        <source>Accounts created for the contacts&apos; companies: {0}.</source>
        <translation>Cuentas creadas para las empresas de los contactos: {0}.</translation>
    </message>
    <message>
        <source>Accounts updated with the contacts&apos; company values: {0}.</source>
        <translation>Cuentas actualizadas con los datos de empresa de los contactos: {0}.</translation>
    </message>
    <message>
        <source>Columns not imported: {0}.</source>
        <translation>Columnas no importadas: {0}.</translation>
    </message>
    <message>
        <source>Account fields are imported only beside a column matched to Account: name.</source>
        <translation>Los campos de cuenta solo se importan junto a una columna asignada a Cuenta: nombre.</translation>
    </message>
    <message>
        <source>The file has no rows to import, only a header.</source>
        <translation>El archivo no tiene filas que importar, solo una cabecera.</translation>
    </message>
    <message>
        <source>Nothing was written (check only).</source>
        <translation>No se escribió nada (solo comprobación).</translation>
    </message>
    <message>
        <source>You cancelled the import; the rows before that point were imported.</source>
        <translation>Canceló la importación; las filas anteriores a ese punto se importaron.</translation>
    </message>
    <message>
        <source>line {line}: {reason}</source>
        <translation>línea {line}: {reason}</translation>
    </message>
    <message>
        <source>Save failed rows</source>
        <translation>Guardar filas fallidas</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Import error</source>
        <translation>Error de importación</translation>
    </message>
    <message>
        <source>Column {n}</source>
        <translation>Columna {n}</translation>
    </message>
    <message>
        <source>The failed rows were not saved: {0}</source>
        <translation>No se guardaron las filas fallidas: {0}</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Colleague</source>
        <translation>Colega</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Socio</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Friend</source>
        <translation>Amigo</translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation>Cónyuge</translation>
    </message>
    <message>
        <source>Sibling</source>
        <translation>Hermano</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Empleado</translation>
    </message>
    <message>
        <source>Former Employer</source>
        <translation>Antiguo empleador</translation>
    </message>
    <message>
        <source>Former Employee</source>
        <translation>Antiguo empleado</translation>
    </message>
    <message>
        <source>Referrer</source>
        <translation>Recomendante</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Recomendado</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Progenitor</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Hijo</translation>
    </message>
    <message>
        <source>Champion</source>
        <translation>Promotor</translation>
    </message>
    <message>
        <source>Decision Maker</source>
        <translation>Responsable de decisiones</translation>
    </message>
    <message>
        <source>End User</source>
        <translation>Usuario final</translation>
    </message>
    <message>
        <source>Economic Buyer</source>
        <translation>Comprador económico</translation>
    </message>
    <message>
        <source>Influencer</source>
        <translation>Influyente</translation>
    </message>
    <message>
        <source>Technical Buyer</source>
        <translation>Comprador técnico</translation>
    </message>
    <message>
        <source>Sales Professional</source>
        <translation>Profesional de ventas</translation>
    </message>
    <message>
        <source>Sales Manager</source>
        <translation>Jefe de ventas</translation>
    </message>
    <message>
        <source>Technical Sales Professional</source>
        <translation>Profesional de ventas técnicas</translation>
    </message>
    <message>
        <source>Account Manager</source>
        <translation>Gestor de cuenta</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Share</source>
        <translation>Compartir</translation>
    </message>
    <message>
        <source>Share {name}</source>
        <translation>Compartir {name}</translation>
    </message>
    <message>
        <source>Share with:</source>
        <translation>Compartir con:</translation>
    </message>
    <message>
        <source>Let a colleague or team work on {name}. They get access when you sync.</source>
        <translation>Permita que un colega o equipo trabaje con {name}. Tendrán acceso al sincronizar.</translation>
    </message>
    <message>
        <source>What they may do</source>
        <translation>Qué pueden hacer</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Leer</translation>
    </message>
    <message>
        <source>See the record</source>
        <translation>Ver el registro</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Escribir</translation>
    </message>
    <message>
        <source>Change its fields</source>
        <translation>Cambiar sus campos</translation>
    </message>
    <message>
        <source>Append</source>
        <translation>Anexar</translation>
    </message>
    <message>
        <source>Attach other records to it</source>
        <translation>Vincularle otros registros</translation>
    </message>
    <message>
        <source>Append to</source>
        <translation>Anexar a</translation>
    </message>
    <message>
        <source>Attach it to other records</source>
        <translation>Vincularlo a otros registros</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Asignar</translation>
    </message>
    <message>
        <source>Give it to someone else</source>
        <translation>Dárselo a otra persona</translation>
    </message>
    <message>
        <source>Share it further</source>
        <translation>Compartirlo con otros</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Delete it</source>
        <translation>Eliminarlo</translation>
    </message>
    <message>
        <source>Remove access</source>
        <translation>Quitar acceso</translation>
    </message>
</context>
<context>
    <name>SmallLists</name>
    <message>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Business phone</source>
        <translation>Teléfono del trabajo</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>Contacto principal</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Nombre de la cuenta</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Main phone</source>
        <translation>Teléfono principal</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propietario</translation>
    </message>
    <message>
        <source>not synced yet</source>
        <translation>aún sin sincronizar</translation>
    </message>
    <message>
        <source>Connected to</source>
        <translation>Conectado con</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>My role</source>
        <translation>Mi rol</translation>
    </message>
    <message>
        <source>Their role</source>
        <translation>Su rol</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Aún sin sincronizar</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactivo</translation>
    </message>
</context>
<context>
    <name>StoreUpgrade</name>
    <message>
        <source>Updating your records for this version of crm-desktop.
This happens once; a large store takes up to a minute.</source>
        <translation>Actualizando sus registros para esta versión de crm-desktop.
Esto ocurre una sola vez; con muchos registros tarda hasta un minuto.</translation>
    </message>
</context>
<context>
    <name>SubAccountsTab</name>
    <message>
        <source>&amp;New sub-account</source>
        <translation>&amp;Nueva subcuenta</translation>
    </message>
    <message>
        <source>Sub-accounts</source>
        <translation>Subcuentas</translation>
    </message>
</context>
<context>
    <name>SyncIssues</name>
    <message>
        <source>Changed on the server too</source>
        <translation>También cambiado en el servidor</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>No permitido</translation>
    </message>
    <message>
        <source>Value refused</source>
        <translation>Valor rechazado</translation>
    </message>
    <message>
        <source>Not on the server</source>
        <translation>No está en el servidor</translation>
    </message>
    <message>
        <source>Linked record deleted</source>
        <translation>Registro vinculado eliminado</translation>
    </message>
    <message>
        <source>Deleted on the server</source>
        <translation>Eliminado en el servidor</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflicto</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>Deleting it also deletes these connections, changed on the server since you last synced:</source>
        <translation>Eliminarlo también elimina estas conexiones, cambiadas en el servidor desde su última sincronización:</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>{record} ({entity})</source>
        <translation>{record} ({entity})</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>added on the server</source>
        <translation>añadida en el servidor</translation>
    </message>
    <message>
        <source>And 1 connection you cannot see (another rep&apos;s) would be deleted with it.</source>
        <translation>Y 1 conexión que usted no puede ver (de otro comercial) se eliminaría con él.</translation>
    </message>
    <message>
        <source>And {count} connections you cannot see (other reps&apos;) would be deleted with it.</source>
        <translation>Y {count} conexiones que usted no puede ver (de otros comerciales) se eliminarían con él.</translation>
    </message>
    <message>
        <source>Deleting it would also delete 1 connection you cannot see (another rep&apos;s), added or changed on the server.</source>
        <translation>Al eliminarlo también se eliminaría 1 conexión que usted no puede ver (de otro comercial), añadida o cambiada en el servidor.</translation>
    </message>
    <message>
        <source>Deleting it would also delete {count} connections you cannot see (other reps&apos;), added or changed on the server.</source>
        <translation>Al eliminarlo también se eliminarían {count} conexiones que usted no puede ver (de otros comerciales), añadidas o cambiadas en el servidor.</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>En el servidor</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Su cambio</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>user</source>
        <translation>usuario</translation>
    </message>
    <message>
        <source>team</source>
        <translation>equipo</translation>
    </message>
    <message>
        <source>{count} more records you cannot see (other reps&apos;) would be deleted with it.</source>
        <translation>Con él se eliminarían {count} registros más que usted no puede ver (de otros comerciales).</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(eliminado)</translation>
    </message>
    <message>
        <source>{connection}: {changes}</source>
        <translation>{connection}: {changes}</translation>
    </message>
    <message>
        <source>{field} now {value}</source>
        <translation>{field} ahora {value}</translation>
    </message>
    <message>
        <source>account</source>
        <translation>cuenta</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>contacto</translation>
    </message>
    <message>
        <source>connection</source>
        <translation>conexión</translation>
    </message>
    <message>
        <source>connection role</source>
        <translation>rol de conexión</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>Número de cuenta</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Email 2</source>
        <translation>Correo electrónico 2</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Other phone</source>
        <translation>Otro teléfono</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Teléfono móvil</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Billing street</source>
        <translation>Calle de facturación</translation>
    </message>
    <message>
        <source>Billing city</source>
        <translation>Ciudad de facturación</translation>
    </message>
    <message>
        <source>Billing postal code</source>
        <translation>Código postal de facturación</translation>
    </message>
    <message>
        <source>Billing country</source>
        <translation>País de facturación</translation>
    </message>
    <message>
        <source>Shipping street</source>
        <translation>Calle de envío</translation>
    </message>
    <message>
        <source>Shipping city</source>
        <translation>Ciudad de envío</translation>
    </message>
    <message>
        <source>Shipping postal code</source>
        <translation>Código postal de envío</translation>
    </message>
    <message>
        <source>Shipping country</source>
        <translation>País de envío</translation>
    </message>
    <message>
        <source>Parent account</source>
        <translation>Cuenta primaria</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>Contacto principal</translation>
    </message>
    <message>
        <source>Price list</source>
        <translation>Lista de precios</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Divisa</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>Condiciones de pago</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Calle</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Matching roles</source>
        <translation>Roles correspondientes</translation>
    </message>
    <message>
        <source>From (type)</source>
        <translation>Desde (tipo)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>To (type)</source>
        <translation>Hacia (tipo)</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hacia</translation>
    </message>
    <message>
        <source>Role of the other</source>
        <translation>Rol del otro</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Válida desde</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>Válida hasta</translation>
    </message>
    <message>
        <source>Owner is a</source>
        <translation>El propietario es un</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propietario</translation>
    </message>
    <message>
        <source>Shared with a</source>
        <translation>Compartido con un</translation>
    </message>
    <message>
        <source>Shared with</source>
        <translation>Compartido con</translation>
    </message>
    <message>
        <source>Rights</source>
        <translation>Derechos</translation>
    </message>
    <message>
        <source>Record id</source>
        <translation>Identificador del registro</translation>
    </message>
</context>
<context>
    <name>SyncIssuesView</name>
    <message>
        <source>&lt;p style=&quot;font-size: 14pt&quot;&gt;No sync issues&lt;/p&gt;&lt;p&gt;Conflicts and changes the server refused show up here.&lt;/p&gt;</source>
        <translation>&lt;p style=&quot;font-size: 14pt&quot;&gt;No hay problemas de sincronización&lt;/p&gt;&lt;p&gt;Aquí aparecen los conflictos y los cambios que el servidor rechazó.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No sync issues</source>
        <translation>No hay problemas de sincronización</translation>
    </message>
    <message>
        <source>Sync issues</source>
        <translation>Problemas de sincronización</translation>
    </message>
    <message>
        <source>That did not work ({error}); see the log.</source>
        <translation>Eso no funcionó ({error}); consulte el registro.</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>Changes not synced</source>
        <translation>Cambios sin sincronizar</translation>
    </message>
    <message>
        <source>Sync issues</source>
        <translation>Problemas de sincronización</translation>
    </message>
    <message>
        <source>Last synced</source>
        <translation>Última sincronización</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Sincronizando</translation>
    </message>
    <message>
        <source>Sync problem</source>
        <translation>Problema de sincronización</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Send your changes and get your team&apos;s (F9)</source>
        <translation>Enviar sus cambios y recibir los de su equipo (F9)</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Sesión no iniciada</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>All changes synced</source>
        <translation>Todos los cambios sincronizados</translation>
    </message>
    <message>
        <source>1 change not synced</source>
        <translation>1 cambio sin sincronizar</translation>
    </message>
    <message>
        <source>{count} changes not synced</source>
        <translation>{count} cambios sin sincronizar</translation>
    </message>
    <message>
        <source>Last synced never</source>
        <translation>Nunca sincronizado</translation>
    </message>
    <message>
        <source>Last synced {time}</source>
        <translation>Última sincronización {time}</translation>
    </message>
    <message>
        <source>Server not reachable; your changes are kept</source>
        <translation>Servidor inaccesible; sus cambios se conservan</translation>
    </message>
    <message>
        <source>&lt;a href=&quot;login&quot;&gt;Log in again&lt;/a&gt; to sync</source>
        <translation>&lt;a href=&quot;login&quot;&gt;Inicie sesión de nuevo&lt;/a&gt; para sincronizar</translation>
    </message>
    <message>
        <source>Server trouble, retrying</source>
        <translation>Problemas en el servidor, reintentando</translation>
    </message>
    <message>
        <source>The server needs upgrading; ask your admin</source>
        <translation>El servidor necesita actualizarse; consulte a su administrador</translation>
    </message>
    <message>
        <source>Update the app to sync</source>
        <translation>Actualice la aplicación para sincronizar</translation>
    </message>
    <message>
        <source>Another window or command is syncing these records</source>
        <translation>Otra ventana u orden está sincronizando estos registros</translation>
    </message>
    <message>
        <source>Sync failed; see the log</source>
        <translation>La sincronización falló; consulte el registro</translation>
    </message>
    <message>
        <source>No server yet</source>
        <translation>Aún sin servidor</translation>
    </message>
    <message>
        <source>&lt;a href=&quot;issues&quot;&gt;1 sync issue&lt;/a&gt;</source>
        <translation>&lt;a href=&quot;issues&quot;&gt;1 problema de sincronización&lt;/a&gt;</translation>
    </message>
    <message>
        <source>&lt;a href=&quot;issues&quot;&gt;{count} sync issues&lt;/a&gt;</source>
        <translation>&lt;a href=&quot;issues&quot;&gt;{count} problemas de sincronización&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Sending changes</source>
        <translation>Enviando cambios</translation>
    </message>
    <message>
        <source>Receiving changes</source>
        <translation>Recibiendo cambios</translation>
    </message>
    <message>
        <source>{what}: {done} of {total}</source>
        <translation>{what}: {done} de {total}</translation>
    </message>
</context>
<context>
    <name>VCardColumns</name>
    <message>
        <source>First Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Last Name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Full Name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Job Title</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>E-mail 2</source>
        <translation>Correo electrónico 2</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Mobile Phone</source>
        <translation>Teléfono móvil</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Calle</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Postal Code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>Bienvenida</translation>
    </message>
    <message>
        <source>Welcome to CRM Desktop</source>
        <translation>Bienvenido a CRM Desktop</translation>
    </message>
    <message>
        <source>Your accounts and contacts live on this computer, so you can work anywhere, even without a connection. How would you like to start?</source>
        <translation>Sus cuentas y contactos están en este equipo, así que puede trabajar en cualquier lugar, incluso sin conexión. ¿Cómo quiere empezar?</translation>
    </message>
    <message>
        <source>Connect to a server</source>
        <translation>Conectar con un servidor</translation>
    </message>
    <message>
        <source>Log in to your team&apos;s server and get your accounts and contacts.</source>
        <translation>Inicie sesión en el servidor de su equipo y reciba sus cuentas y contactos.</translation>
    </message>
    <message>
        <source>Import a file</source>
        <translation>Importar un archivo</translation>
    </message>
    <message>
        <source>Bring in accounts and contacts from a CSV or vCard file.</source>
        <translation>Traiga cuentas y contactos desde un archivo CSV o vCard.</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>Cargar datos de demostración</translation>
    </message>
    <message>
        <source>Try the app with sample companies and people. You can delete them later.</source>
        <translation>Pruebe la aplicación con empresas y personas de ejemplo. Puede eliminarlas después.</translation>
    </message>
</context>
<context>
    <name>_OwnerDialog</name>
    <message>
        <source>Enter a user or team name.</source>
        <translation>Escriba un nombre de usuario o equipo.</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>DiagnosticsExport</name>
    <message>
        <source>Export diagnostics…</source>
        <translation>Diagnose exporteren…</translation>
    </message>
    <message>
        <source>Save the logs, versions and sync state in one file for support (no PINs, tokens or customer data)</source>
        <translation>Logs, versies en synchronisatiestatus in één bestand opslaan voor de support (zonder pincodes, tokens of klantgegevens)</translation>
    </message>
    <message>
        <source>Export diagnostics</source>
        <translation>Diagnose exporteren</translation>
    </message>
    <message>
        <source>Zip files (*.zip)</source>
        <translation>Zip-bestanden (*.zip)</translation>
    </message>
    <message>
        <source>The station has not started yet: nothing to export.</source>
        <translation>Het station is nog niet gestart: er is niets te exporteren.</translation>
    </message>
    <message>
        <source>Diagnostics saved to {path}</source>
        <translation>Diagnose opgeslagen in {path}</translation>
    </message>
    <message>
        <source>The diagnostics file could not be written: {why}</source>
        <translation>Het diagnosebestand kon niet worden opgeslagen: {why}</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Set up this station</source>
        <translation>Dit station instellen</translation>
    </message>
    <message>
        <source>This PC is not a station of a store yet. A store manager enrols it once: the station then syncs its store&apos;s orders and stock and keeps working offline.</source>
        <translation>Deze pc is nog geen station van een winkel. Een winkelmanager meldt hem één keer aan: daarna synchroniseert het station de bestellingen en voorraad van de winkel en werkt het ook offline door.</translation>
    </message>
    <message>
        <source>e.g. ams1.manager</source>
        <translation>bijv. ams1.manager</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradres</translation>
    </message>
    <message>
        <source>Manager username</source>
        <translation>Gebruikersnaam manager</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>Pincode manager</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>Naam station</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <source>Enrol this station</source>
        <translation>Station aanmelden</translation>
    </message>
    <message>
        <source>Fill in the server address and the manager&apos;s username and PIN.</source>
        <translation>Vul het serveradres en de gebruikersnaam en pincode van de manager in.</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>Aanmelden…</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>The username or PIN is not right.</source>
        <translation>De gebruikersnaam of pincode klopt niet.</translation>
    </message>
    <message>
        <source>Only a store manager can enrol a station.</source>
        <translation>Alleen een winkelmanager kan een station aanmelden.</translation>
    </message>
    <message>
        <source>Too many wrong attempts: wait a few minutes and try again.</source>
        <translation>Te veel foute pogingen: wacht een paar minuten en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the address. ({why})</source>
        <translation>De server is niet bereikbaar. Controleer het adres. ({why})</translation>
    </message>
    <message>
        <source>Enrolment failed: {why}</source>
        <translation>Aanmelden mislukt: {why}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Counter — desktop-oms</source>
        <translation>Balie — desktop-oms</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Balie</translation>
    </message>
    <message>
        <source>Scan an order or pickup code, or type an order number and press Enter</source>
        <translation>Scan een bestel- of afhaalcode, of typ een bestelnummer en druk op Enter</translation>
    </message>
    <message>
        <source>Work area</source>
        <translation>Werkgebied</translation>
    </message>
    <message>
        <source>Close “{dialog}” first, then scan again</source>
        <translation>Sluit eerst “{dialog}” en scan dan opnieuw</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Wissel van medewerker</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Afmelden</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Instellingen…</translation>
    </message>
    <message>
        <source>Pickups</source>
        <translation>Afhalen</translation>
    </message>
    <message>
        <source>Customers collecting their orders: hand over, return to stock</source>
        <translation>Klanten die hun bestelling ophalen: overhandigen, terug naar voorraad</translation>
    </message>
    <message>
        <source>Fulfil</source>
        <translation>Orderverwerking</translation>
    </message>
    <message>
        <source>The back room: pick, stage, pack and ship</source>
        <translation>Het magazijn: picken, klaarzetten, inpakken en verzenden</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Voorraad</translation>
    </message>
    <message>
        <source>Look a product up: stock here and nearby</source>
        <translation>Zoek een product op: voorraad hier en in winkels in de buurt</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellingen</translation>
    </message>
    <message>
        <source>Find an order by number, customer, phone, e-mail or SKU; see and change it</source>
        <translation>Zoek een bestelling op nummer, klant, telefoon, e-mail of SKU; bekijk en wijzig hem</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Tellen</translation>
    </message>
    <message>
        <source>Cycle count: scan a department or a shelf</source>
        <translation>Telling: scan een afdeling of een schap</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <source>Stock by department, aged pickups, overdue orders and today&apos;s figures</source>
        <translation>Voorraad per afdeling, afhaalbestellingen die blijven liggen, te late bestellingen en de cijfers van vandaag</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflicten</translation>
    </message>
    <message>
        <source>Changes the server refused</source>
        <translation>Wijzigingen die de server heeft geweigerd</translation>
    </message>
    <message>
        <source>Scan or type an order number</source>
        <translation>Scan of typ een bestelnummer</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pagina’s</translation>
    </message>
    <message>
        <source>Arrow keys move between the pages; F2 goes to the scan field</source>
        <translation>Pijltjestoetsen wisselen van pagina; F2 gaat naar het scanveld</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starten…</translation>
    </message>
    <message>
        <source>Station {id}</source>
        <translation>Station {id}</translation>
    </message>
    <message>
        <source>demo</source>
        <translation>demo</translation>
    </message>
    <message numerus="yes">
        <source>%n refused change(s) to review</source>
        <translation>
            <numerusform>%n geweigerde wijziging te bekijken</numerusform>
            <numerusform>%n geweigerde wijzigingen te bekijken</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} ({username}) — switch user or sign out</source>
        <translation>{name} ({username}) — wissel van medewerker of meld af</translation>
    </message>
    <message>
        <source>Signed in as {name}.</source>
        <translation>Aangemeld als {name}.</translation>
    </message>
    <message>
        <source>Signed out after a while without use.</source>
        <translation>Afgemeld na een tijd zonder gebruik.</translation>
    </message>
    <message>
        <source>The station is still starting — scan your badge in a moment</source>
        <translation>Het station start nog — scan je personeelspas zo meteen</translation>
    </message>
    <message>
        <source>Sign in first: scan your badge, or type your username and PIN</source>
        <translation>Meld je eerst aan: scan je personeelspas, of typ je gebruikersnaam en pincode</translation>
    </message>
    <message>
        <source>The station is still starting — scan again in a moment</source>
        <translation>Het station start nog — scan zo meteen opnieuw</translation>
    </message>
    <message>
        <source>No product has this barcode: {code}</source>
        <translation>Geen product heeft deze barcode: {code}</translation>
    </message>
    <message>
        <source>Scanner settings saved.</source>
        <translation>Scannerinstellingen opgeslagen.</translation>
    </message>
    <message>
        <source>The scanner settings could not be stored: {why}</source>
        <translation>De scannerinstellingen konden niet worden opgeslagen: {why}</translation>
    </message>
    <message>
        <source>Switch user or sign out</source>
        <translation>Wissel van medewerker of meld af</translation>
    </message>
    <message>
        <source>Settings: scanners, sound and the scan log</source>
        <translation>Instellingen: scanners, geluid en het scanlogboek</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
</context>
<context>
    <name>ManagerApprovalDialog</name>
    <message>
        <source>This needs a manager: scan a manager&apos;s badge or enter their username and PIN</source>
        <translation>Hier is een manager voor nodig: scan de personeelspas van een manager of vul diens gebruikersnaam en pincode in</translation>
    </message>
    <message>
        <source>an associate</source>
        <translation>medewerker</translation>
    </message>
    <message>
        <source>a lead</source>
        <translation>teamleider</translation>
    </message>
    <message>
        <source>a manager</source>
        <translation>manager</translation>
    </message>
    <message>
        <source>in customer service</source>
        <translation>van klantenservice</translation>
    </message>
    <message>
        <source>an admin</source>
        <translation>beheerder</translation>
    </message>
    <message>
        <source>Scan a manager&apos;s badge, or enter their username and PIN.</source>
        <translation>Scan de personeelspas van een manager, of vul diens gebruikersnaam en pincode in.</translation>
    </message>
    <message>
        <source>This badge is not known at this store: scan a manager&apos;s badge.</source>
        <translation>Deze personeelspas is onbekend in deze winkel: scan de pas van een manager.</translation>
    </message>
    <message>
        <source>Too many wrong attempts. Try again in {minutes} min. Scanning the badge still works.</source>
        <translation>Te veel foute pogingen. Probeer het over {minutes} min opnieuw. De personeelspas scannen werkt nog wel.</translation>
    </message>
    <message>
        <source>You cannot approve your own change: ask a manager.</source>
        <translation>Je kunt je eigen wijziging niet goedkeuren: vraag een manager.</translation>
    </message>
    <message>
        <source>{name} is {role}: only a manager can approve this change.</source>
        <translation>{name} is {role}: alleen een manager kan deze wijziging goedkeuren.</translation>
    </message>
    <message>
        <source>Manager approval</source>
        <translation>Goedkeuring manager</translation>
    </message>
    <message>
        <source>Manager&apos;s username</source>
        <translation>Gebruikersnaam manager</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Pincode</translation>
    </message>
    <message>
        <source>Manager&apos;s PIN</source>
        <translation>Pincode manager</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Goedkeuren</translation>
    </message>
    <message>
        <source>Scan a manager&apos;s staff badge to approve, or press Cancel</source>
        <translation>Scan de personeelspas van een manager om goed te keuren, of druk op Annuleren</translation>
    </message>
    <message>
        <source>Still checking — scan the badge again in a moment</source>
        <translation>Nog bezig met controleren — scan de pas zo meteen opnieuw</translation>
    </message>
    <message>
        <source>Too many wrong PINs: the manager scans their badge instead.</source>
        <translation>Te veel foute pincodes: de manager scant nu zijn of haar personeelspas.</translation>
    </message>
    <message>
        <source>Enter the manager&apos;s username (or scan their badge).</source>
        <translation>Vul de gebruikersnaam van de manager in (of scan diens personeelspas).</translation>
    </message>
    <message>
        <source>Enter the manager&apos;s PIN.</source>
        <translation>Vul de pincode van de manager in.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Controleren…</translation>
    </message>
    <message>
        <source>Three wrong PINs: only a manager&apos;s badge scan can approve this now.</source>
        <translation>Drie foute pincodes: alleen de personeelspas van een manager scannen kan dit nu nog goedkeuren.</translation>
    </message>
    <message numerus="yes">
        <source>%n try/tries left.</source>
        <translation>
            <numerusform>Nog %n poging.</numerusform>
            <numerusform>Nog %n pogingen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>Address was wrong</source>
        <translation>Adres was onjuist</translation>
    </message>
    <message>
        <source>Customer asked for the change</source>
        <translation>Klant vroeg om de wijziging</translation>
    </message>
    <message>
        <source>Customer asked to cancel</source>
        <translation>Klant wilde annuleren</translation>
    </message>
    <message>
        <source>Customer changed their mind</source>
        <translation>Klant bedacht zich</translation>
    </message>
    <message>
        <source>Cycle count</source>
        <translation>Telling</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Beschadigd</translation>
    </message>
    <message>
        <source>Damaged or unsellable</source>
        <translation>Beschadigd of onverkoopbaar</translation>
    </message>
    <message>
        <source>Duplicate order</source>
        <translation>Dubbele bestelling</translation>
    </message>
    <message>
        <source>Found stock</source>
        <translation>Voorraad gevonden</translation>
    </message>
    <message>
        <source>Item damaged</source>
        <translation>Artikel beschadigd</translation>
    </message>
    <message>
        <source>Item not found on the shelf</source>
        <translation>Artikel niet gevonden in het schap</translation>
    </message>
    <message>
        <source>No stock anywhere</source>
        <translation>Nergens voorraad</translation>
    </message>
    <message>
        <source>Not collected by the deadline</source>
        <translation>Niet op tijd opgehaald</translation>
    </message>
    <message>
        <source>Not what was ordered</source>
        <translation>Niet wat er besteld is</translation>
    </message>
    <message>
        <source>Order changed after packing</source>
        <translation>Bestelling gewijzigd na inpakken</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Overig</translation>
    </message>
    <message>
        <source>Past its best-before date</source>
        <translation>Over de houdbaarheidsdatum</translation>
    </message>
    <message>
        <source>Payment failed</source>
        <translation>Betaling mislukt</translation>
    </message>
    <message>
        <source>Pickup store cannot serve the order</source>
        <translation>Afhaalwinkel kan de bestelling niet leveren</translation>
    </message>
    <message>
        <source>Receiving error</source>
        <translation>Fout bij ontvangst</translation>
    </message>
    <message>
        <source>Repack into other boxes</source>
        <translation>Opnieuw inpakken in andere dozen</translation>
    </message>
    <message>
        <source>Returned to stock</source>
        <translation>Terug in voorraad</translation>
    </message>
    <message>
        <source>Store cannot fulfil in time</source>
        <translation>Winkel kan niet op tijd leveren</translation>
    </message>
    <message>
        <source>Suspected fraud</source>
        <translation>Vermoeden van fraude</translation>
    </message>
    <message>
        <source>Theft or loss</source>
        <translation>Diefstal of verlies</translation>
    </message>
    <message>
        <source>Wrong item in the location</source>
        <translation>Verkeerd artikel op de plek</translation>
    </message>
    <message>
        <source>Wrong item packed</source>
        <translation>Verkeerd artikel ingepakt</translation>
    </message>
    <message>
        <source>Wrong size or fit</source>
        <translation>Verkeerde maat of pasvorm</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>associate</source>
        <translation>medewerker</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>teamleider</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>manager</translation>
    </message>
    <message>
        <source>customer service</source>
        <translation>klantenservice</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>beheerder</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>Too many wrong attempts. Try again in {minutes} min, or ask a manager.</source>
        <translation>Te veel foute pogingen. Probeer het over {minutes} min opnieuw, of vraag een manager.</translation>
    </message>
    <message>
        <source>Enter your username and PIN, or scan your badge.</source>
        <translation>Vul je gebruikersnaam en pincode in, of scan je personeelspas.</translation>
    </message>
    <message>
        <source>This badge is not known at this store.</source>
        <translation>Deze personeelspas is onbekend in deze winkel.</translation>
    </message>
    <message>
        <source>Username or PIN is not right. Try again.</source>
        <translation>Gebruikersnaam of pincode klopt niet. Probeer het opnieuw.</translation>
    </message>
    <message>
        <source>{name}&apos;s account is switched off.</source>
        <translation>Het account van {name} staat uit.</translation>
    </message>
    <message>
        <source>{name} works at another store.</source>
        <translation>{name} werkt in een andere winkel.</translation>
    </message>
</context>
<context>
    <name>SignInView</name>
    <message>
        <source>Works offline: your PIN is checked on this PC, and with the server when it can be reached.</source>
        <translation>Werkt ook offline: je pincode wordt op deze pc gecontroleerd, en bij de server zodra die bereikbaar is.</translation>
    </message>
    <message>
        <source>Scan your staff badge to sign in</source>
        <translation>Scan je personeelspas om je aan te melden</translation>
    </message>
    <message>
        <source>The station is still starting — scan your badge again in a moment</source>
        <translation>Het station start nog — scan je personeelspas zo meteen opnieuw</translation>
    </message>
    <message>
        <source>Still checking the last sign-in — scan your badge again</source>
        <translation>Nog bezig met de vorige aanmelding — scan je personeelspas opnieuw</translation>
    </message>
    <message>
        <source>This badge signs nobody in.</source>
        <translation>Met deze personeelspas wordt niemand aangemeld.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Aanmelden</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Controleren…</translation>
    </message>
    <message>
        <source>This login is not known on this PC and the server cannot be reached.</source>
        <translation>Deze gebruiker is onbekend op deze pc en de server is niet bereikbaar.</translation>
    </message>
    <message>
        <source>{name} works at another store.</source>
        <translation>{name} werkt in een andere winkel.</translation>
    </message>
    <message>
        <source>The server did not accept this PIN (was it changed?). Sign in again.</source>
        <translation>De server accepteerde deze pincode niet (is hij gewijzigd?). Meld je opnieuw aan.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo store.&lt;/b&gt; Every PIN is &lt;b&gt;{pin}&lt;/b&gt;. Sign in as:</source>
        <translation>&lt;b&gt;Demowinkel.&lt;/b&gt; Elke pincode is &lt;b&gt;{pin}&lt;/b&gt;. Meld je aan als:</translation>
    </message>
    <message>
        <source>Type a badge code in the first field to sign in as if you scanned it.</source>
        <translation>Typ een code van een personeelspas in het eerste veld om je aan te melden alsof je hem scande.</translation>
    </message>
    <message>
        <source>Scan your badge, or enter your username and PIN.</source>
        <translation>Scan je personeelspas, of vul je gebruikersnaam en pincode in.</translation>
    </message>
    <message>
        <source>Username or badge</source>
        <translation>Gebruikersnaam of personeelspas</translation>
    </message>
    <message>
        <source>e.g. ams1.associate</source>
        <translation>bijv. ams1.associate</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Pincode</translation>
    </message>
    <message>
        <source>••••</source>
        <translation>••••</translation>
    </message>
</context>
<context>
    <name>StationApp</name>
    <message>
        <source>The station could not start</source>
        <translation>Het station kon niet starten</translation>
    </message>
    <message>
        <source>Starting the demo</source>
        <translation>De demo starten</translation>
    </message>
    <message>
        <source>Starting a demo server on this PC with a small store chain and a trickle of new orders. The first start seeds its database; that takes a few seconds.</source>
        <translation>Er start een demoserver op deze pc met een kleine winkelketen en af en toe een nieuwe bestelling. De eerste keer wordt de database gevuld; dat duurt een paar seconden.</translation>
    </message>
    <message>
        <source>Enrolling a counter station at {url}…</source>
        <translation>Een baliestation aanmelden bij {url}…</translation>
    </message>
    <message>
        <source>The demo could not start</source>
        <translation>De demo kon niet starten</translation>
    </message>
    <message>
        <source>Opening the station</source>
        <translation>Het station openen</translation>
    </message>
    <message>
        <source>The station&apos;s key cannot be read</source>
        <translation>De sleutel van het station kan niet worden gelezen</translation>
    </message>
    <message>
        <source>This station&apos;s data was damaged</source>
        <translation>De gegevens van dit station waren beschadigd</translation>
    </message>
    <message>
        <source>Repairing this station&apos;s data</source>
        <translation>De gegevens van dit station herstellen</translation>
    </message>
    <message>
        <source>Setting up this station</source>
        <translation>Dit station instellen</translation>
    </message>
    <message>
        <source>First sync paused</source>
        <translation>Eerste synchronisatie gepauzeerd</translation>
    </message>
    <message>
        <source>What was downloaded is kept; the sync continues where it stopped.</source>
        <translation>Wat al gedownload is, blijft bewaard; de synchronisatie gaat verder waar hij stopte.</translation>
    </message>
    <message>
        <source>The server refused this station</source>
        <translation>De server heeft dit station geweigerd</translation>
    </message>
    <message>
        <source>{why}. Enrol it again.</source>
        <translation>{why}. Meld het station opnieuw aan.</translation>
    </message>
    <message>
        <source>The server cannot be reached</source>
        <translation>De server is niet bereikbaar</translation>
    </message>
    <message>
        <source>The first sync failed</source>
        <translation>De eerste synchronisatie is mislukt</translation>
    </message>
</context>
<context>
    <name>StationStatusBar</name>
    <message>
        <source>Starting</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Changes the server refused (another station or the server changed the order first). Click to open the conflict inbox.</source>
        <translation>Wijzigingen die de server heeft geweigerd (een ander station of de server wijzigde de bestelling eerder). Klik om Conflicten te openen.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <source>Waiting for the server</source>
        <translation>Wachten op de server</translation>
    </message>
    <message>
        <source>Disk full: sync stopped</source>
        <translation>Schijf vol: synchronisatie gestopt</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Connected to the server</source>
        <translation>Verbonden met de server</translation>
    </message>
    <message>
        <source>Station not authorised</source>
        <translation>Station niet toegestaan</translation>
    </message>
    <message>
        <source>The server refused this station&apos;s key: enrol it again. ({why})</source>
        <translation>De server weigerde de sleutel van dit station: meld het opnieuw aan. ({why})</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Working from this PC&apos;s data; changes are sent when the server is back.</source>
        <translation>Je werkt met de gegevens op deze pc; wijzigingen worden verzonden zodra de server er weer is.</translation>
    </message>
    <message>
        <source>Scanner connected</source>
        <translation>Scanner verbonden</translation>
    </message>
    <message>
        <source>Scanner reconnecting…</source>
        <translation>Scanner maakt opnieuw verbinding…</translation>
    </message>
    <message>
        <source>Scanner not found</source>
        <translation>Scanner niet gevonden</translation>
    </message>
    <message>
        <source>Scanner unavailable</source>
        <translation>Scanner niet beschikbaar</translation>
    </message>
    <message>
        <source>No serial scanner set up</source>
        <translation>Geen seriële scanner ingesteld</translation>
    </message>
    <message>
        <source>Scanner on {port} connected</source>
        <translation>Scanner op {port} verbonden</translation>
    </message>
    <message>
        <source>Scanner on {port} not found — check the cable</source>
        <translation>Scanner op {port} niet gevonden — controleer de kabel</translation>
    </message>
    <message>
        <source>Scanner on {port} cannot be opened: no permission (on Linux, add this user to the dialout group)</source>
        <translation>Scanner op {port} kan niet worden geopend: geen toestemming (voeg op Linux deze gebruiker toe aan de groep dialout)</translation>
    </message>
    <message>
        <source>Scanner on {port} is in use by another program</source>
        <translation>Scanner op {port} wordt door een ander programma gebruikt</translation>
    </message>
    <message>
        <source>Scanner on {port} disconnected — reconnecting…</source>
        <translation>Scanner op {port} losgekoppeld — opnieuw verbinden…</translation>
    </message>
    <message>
        <source>Scanner on {port}: {why}</source>
        <translation>Scanner op {port}: {why}</translation>
    </message>
    <message>
        <source>port error</source>
        <translation>poortfout</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to send</source>
        <translation>
            <numerusform>%n wijziging nog niet verzonden</numerusform>
            <numerusform>%n wijzigingen nog niet verzonden</numerusform>
        </translation>
    </message>
    <message>
        <source>All changes sent</source>
        <translation>Alle wijzigingen verzonden</translation>
    </message>
    <message numerus="yes">
        <source>%n refused change(s)</source>
        <translation>
            <numerusform>%n geweigerde wijziging</numerusform>
            <numerusform>%n geweigerde wijzigingen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Not synced yet</source>
        <translation>Nog niet gesynchroniseerd</translation>
    </message>
    <message>
        <source>Synced just now</source>
        <translation>Zojuist gesynchroniseerd</translation>
    </message>
    <message>
        <source>Synced {seconds} s ago</source>
        <translation>{seconds} s geleden gesynchroniseerd</translation>
    </message>
    <message>
        <source>Synced {span} ago</source>
        <translation>{span} geleden gesynchroniseerd</translation>
    </message>
    <message>
        <source>{count} d</source>
        <translation>{count} d</translation>
    </message>
    <message>
        <source>{count} h</source>
        <translation>{count} u</translation>
    </message>
    <message>
        <source>{count} min</source>
        <translation>{count} min</translation>
    </message>
    <message>
        <source>This PC&apos;s clock is {span} ahead</source>
        <translation>De klok van deze pc loopt {span} voor</translation>
    </message>
    <message>
        <source>This PC&apos;s clock is {span} behind</source>
        <translation>De klok van deze pc loopt {span} achter</translation>
    </message>
    <message>
        <source>{clock} of the server&apos;s: set it right (the server&apos;s time counts)</source>
        <translation>{clock} op de server: zet hem goed (de tijd van de server telt)</translation>
    </message>
</context>
<context>
    <name>SyncProgress</name>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Reason codes</source>
        <translation>Redenen</translation>
    </message>
    <message>
        <source>Stores</source>
        <translation>Winkels</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personeel</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Producten</translation>
    </message>
    <message>
        <source>Barcodes</source>
        <translation>Barcodes</translation>
    </message>
    <message>
        <source>Stock levels</source>
        <translation>Voorraadniveaus</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellingen</translation>
    </message>
    <message>
        <source>Downloading this store&apos;s data</source>
        <translation>De gegevens van deze winkel downloaden</translation>
    </message>
    <message>
        <source>Putting the new data in place</source>
        <translation>De nieuwe gegevens klaarzetten</translation>
    </message>
    <message>
        <source>The server asked for a full resync</source>
        <translation>De server vroeg om een volledige synchronisatie</translation>
    </message>
    <message>
        <source>Catching up</source>
        <translation>Bijwerken</translation>
    </message>
</context>
<context>
    <name>SyncProgressView</name>
    <message>
        <source>Starting…</source>
        <translation>Starten…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Setting up this station</source>
        <translation>Dit station instellen</translation>
    </message>
    <message>
        <source>Downloading the catalogue, stock and this store&apos;s orders.</source>
        <translation>Het assortiment, de voorraad en de bestellingen van deze winkel downloaden.</translation>
    </message>
    <message>
        <source>{rows} of {total} rows</source>
        <translation>{rows} van {total} rijen</translation>
    </message>
    <message>
        <source>{rows} rows</source>
        <translation>{rows} rijen</translation>
    </message>
    <message>
        <source>Stopping after the current page…</source>
        <translation>Stoppen na de huidige pagina…</translation>
    </message>
</context>
</TS>

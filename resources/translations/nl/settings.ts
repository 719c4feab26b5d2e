<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>Preferences</name>
    <message>
        <source>Receipt</source>
        <translation>Bon</translation>
    </message>
    <message>
        <source>Pick list</source>
        <translation>Picklijst</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Verzendlabel</translation>
    </message>
    <message>
        <source>an address has no spaces</source>
        <translation>een adres heeft geen spaties</translation>
    </message>
    <message>
        <source>it must start with https:// (or http:// on a test network)</source>
        <translation>het moet beginnen met https:// (of http:// op een testnetwerk)</translation>
    </message>
    <message>
        <source>it names no server (e.g. https://oms.example.com)</source>
        <translation>er staat geen server in (bijv. https://oms.example.com)</translation>
    </message>
    <message>
        <source>its port is not a number from 1 to 65535</source>
        <translation>de poort is geen getal van 1 tot 65535</translation>
    </message>
    <message>
        <source>it must be the server&apos;s address only, without ? or #</source>
        <translation>alleen het adres van de server, zonder ? of #</translation>
    </message>
    <message>
        <source>there is no file {path}</source>
        <translation>het bestand {path} bestaat niet</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file</source>
        <translation>{path} is een map, geen bestand</translation>
    </message>
    <message>
        <source>{path} cannot be read ({error})</source>
        <translation>{path} kan niet worden gelezen ({error})</translation>
    </message>
    <message>
        <source>{path} holds no certificate (a PEM file with BEGIN CERTIFICATE)</source>
        <translation>{path} bevat geen certificaat (een PEM-bestand met BEGIN CERTIFICATE)</translation>
    </message>
    <message>
        <source>{path} has a damaged certificate ({error})</source>
        <translation>{path} bevat een beschadigd certificaat ({error})</translation>
    </message>
    <message>
        <source>there is no theme {name}</source>
        <translation>thema {name} bestaat niet</translation>
    </message>
    <message>
        <source>there is no language {name}</source>
        <translation>taal {name} bestaat niet</translation>
    </message>
    <message>
        <source>there is no document {name}</source>
        <translation>document {name} bestaat niet</translation>
    </message>
</context>
<context>
    <name>Printed</name>
    <message>
        <source>{what} sent to the printer {name}.</source>
        <translation>{what} naar printer {name} gestuurd.</translation>
    </message>
    <message>
        <source>{reason}: the {what} was saved as {path}.</source>
        <translation>{reason}: {what} opgeslagen als {path}.</translation>
    </message>
    <message>
        <source>No printer is set up: the {what} was saved as {path}.</source>
        <translation>Geen printer ingesteld: {what} opgeslagen als {path}.</translation>
    </message>
    <message>
        <source>Save as PDF is chosen in the settings</source>
        <translation>In de instellingen is Opslaan als pdf gekozen</translation>
    </message>
    <message>
        <source>The printer {name} is not installed</source>
        <translation>Printer {name} is niet geïnstalleerd</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(standaard)</translation>
    </message>
    <message>
        <source>the printer {name} refused the job ({job})</source>
        <translation>printer {name} weigert de opdracht ({job})</translation>
    </message>
    <message>
        <source>cannot write {job}</source>
        <translation>kan {job} niet opslaan</translation>
    </message>
    <message>
        <source>Test page: {what}</source>
        <translation>Testpagina: {what}</translation>
    </message>
    <message>
        <source>Printer: {target}</source>
        <translation>Printer: {target}</translation>
    </message>
    <message>
        <source>Test page {what}</source>
        <translation>Testpagina {what}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>USB SCANNER (TYPES LIKE A KEYBOARD)</source>
        <translation>USB-SCANNER (TYPT ALS EEN TOETSENBORD)</translation>
    </message>
    <message>
        <source>Recognise scanners that type like a keyboard</source>
        <translation>Scanners herkennen die typen als een toetsenbord</translation>
    </message>
    <message>
        <source>Off: every key goes to the field in front, as typed</source>
        <translation>Uit: elke toets gaat gewoon naar het actieve veld</translation>
    </message>
    <message>
        <source>Keys come at least every</source>
        <translation>Toetsen komen minstens elke</translation>
    </message>
    <message>
        <source> ms on average</source>
        <translation> ms gemiddeld</translation>
    </message>
    <message>
        <source>A scanner types a character every 2–15 ms; a person rarely faster than 60 ms</source>
        <translation>Een scanner typt elke 2–15 ms een teken; een mens zelden sneller dan elke 60 ms</translation>
    </message>
    <message>
        <source>A pause ends a scan after</source>
        <translation>Een pauze sluit de scan af na</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Also the longest a typed key waits before it reaches its field</source>
        <translation>Ook de langste tijd dat een getypte toets wacht voor hij in zijn veld komt</translation>
    </message>
    <message>
        <source>Shortest code</source>
        <translation>Kortste code</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> tekens</translation>
    </message>
    <message>
        <source>Shorter runs of keys are always typing</source>
        <translation>Kortere reeksen toetsen zijn altijd gewoon typen</translation>
    </message>
    <message>
        <source>Code ends with</source>
        <translation>Code eindigt op</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Voorvoegsel</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Geen</translation>
    </message>
    <message>
        <source>Characters the scanner sends before each code (its prefix setting), left out of the code</source>
        <translation>Tekens die de scanner vóór elke code stuurt (zijn prefix-instelling); ze tellen niet mee in de code</translation>
    </message>
    <message>
        <source>Keys count as a scan only when they come this fast and end as set; a person typing always reaches the field they type in.</source>
        <translation>Toetsen tellen alleen als scan als ze zo snel komen en eindigen zoals ingesteld; wat iemand typt, komt altijd in het veld waarin hij typt.</translation>
    </message>
    <message>
        <source>SERIAL SCANNER (COM PORT)</source>
        <translation>SERIËLE SCANNER (COM-POORT)</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Poort</translation>
    </message>
    <message>
        <source>The port the scanner is on; prefer the /dev/serial/by-id name, which survives replugging</source>
        <translation>De poort van de scanner; kies liefst de naam onder /dev/serial/by-id, die blijft ook na opnieuw insteken</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <source>Look for serial ports again</source>
        <translation>Opnieuw zoeken naar seriële poorten</translation>
    </message>
    <message>
        <source>CR, LF or CR LF</source>
        <translation>CR, LF of CR LF</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Snelheid</translation>
    </message>
    <message>
        <source>Line ending</source>
        <translation>Regeleinde</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradres</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA-bundel</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>Printers</translation>
    </message>
    <message>
        <source>Reconnect after</source>
        <translation>Opnieuw verbinden na</translation>
    </message>
    <message>
        <source>choose Enter, Tab or both</source>
        <translation>kies Enter, Tab of allebei</translation>
    </message>
    <message>
        <source>choose one of the line endings</source>
        <translation>kies een van de regeleinden</translation>
    </message>
    <message>
        <source>must be between 1 and 200 ms</source>
        <translation>moet tussen 1 en 200 ms liggen</translation>
    </message>
    <message>
        <source>must be at least the time between keys above, and at most 1000 ms</source>
        <translation>moet minstens de tijd tussen toetsen hierboven zijn, en hoogstens 1000 ms</translation>
    </message>
    <message>
        <source>must be between 1 and 100 characters</source>
        <translation>moet tussen 1 en 100 tekens liggen</translation>
    </message>
    <message>
        <source>at most 8 characters, no Enter or Tab</source>
        <translation>hoogstens 8 tekens, geen Enter of Tab</translation>
    </message>
    <message>
        <source>remove the spaces around the port name</source>
        <translation>haal de spaties rond de poortnaam weg</translation>
    </message>
    <message>
        <source>choose one of the speeds in the list</source>
        <translation>kies een van de snelheden in de lijst</translation>
    </message>
    <message>
        <source>must be between 200 ms and 60 s</source>
        <translation>moet tussen 200 ms en 60 s liggen</translation>
    </message>
    <message>
        <source>must be between 0 and 100 percent</source>
        <translation>moet tussen 0 en 100 procent liggen</translation>
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
        <translation>Scanner op {port} kan niet worden geopend: geen toegang (voeg op Linux deze gebruiker toe aan de groep dialout)</translation>
    </message>
    <message>
        <source>Scanner on {port} is in use by another program</source>
        <translation>Scanner op {port} is in gebruik door een ander programma</translation>
    </message>
    <message>
        <source>Scanner on {port} disconnected — reconnecting…</source>
        <translation>Scanner op {port} losgekoppeld — opnieuw verbinden…</translation>
    </message>
    <message>
        <source>Scanner on {port}: {detail}</source>
        <translation>Scanner op {port}: {detail}</translation>
    </message>
    <message>
        <source>Keyboard scanner</source>
        <translation>Toetsenbordscanner</translation>
    </message>
    <message>
        <source>Serial scanner</source>
        <translation>Seriële scanner</translation>
    </message>
    <message>
        <source>Typed</source>
        <translation>Getypt</translation>
    </message>
    <message>
        <source>Scan a barcode to try these settings: it shows here and in the Scan log, and nothing else happens while this window is open.</source>
        <translation>Scan een barcode om deze instellingen te proberen: hij verschijnt hier en in het Scanlogboek, en verder gebeurt er niets zolang dit venster open is.</translation>
    </message>
    <message>
        <source>port error</source>
        <translation>poortfout</translation>
    </message>
    <message>
        <source>mean {mean} ms, max {max} ms</source>
        <translation>gemiddeld {mean} ms, max. {max} ms</translation>
    </message>
    <message>
        <source>{rate} baud</source>
        <translation>{rate} baud</translation>
    </message>
    <message>
        <source>Export diagnostics…</source>
        <translation>Diagnose exporteren…</translation>
    </message>
    <message>
        <source>One file for support: the station&apos;s logs (no PINs, tokens or customer data), versions and sync state</source>
        <translation>Eén bestand voor support: de logbestanden van het station (zonder pincodes, tokens of klantgegevens), versies en synchronisatiestatus</translation>
    </message>
    <message>
        <source>Loudness of the scan sounds</source>
        <translation>Hoe hard de scangeluiden klinken</translation>
    </message>
    <message>
        <source>The settings could not be stored: {error}</source>
        <translation>De instellingen konden niet worden opgeslagen: {error}</translation>
    </message>
    <message>
        <source>This PC&apos;s certificate authorities</source>
        <translation>De certificaatautoriteiten van deze pc</translation>
    </message>
    <message>
        <source>CA bundle file</source>
        <translation>CA-bundelbestand</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <source>Leave the address empty to use the one this station was enrolled with, and the CA bundle empty to trust this PC&apos;s certificate authorities. A CA bundle is a PEM file of the certificates that sign the server&apos;s certificate. Saving uses the new address from the next sync.</source>
        <translation>Laat het adres leeg om het adres te gebruiken waarmee dit station is aangemeld, en de CA-bundel leeg om de certificaatautoriteiten van deze pc te vertrouwen. Een CA-bundel is een PEM-bestand met de certificaten die het certificaat van de server ondertekenen. Na opslaan geldt het nieuwe adres vanaf de volgende synchronisatie.</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbinding testen</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbinding</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Bonnen</translation>
    </message>
    <message>
        <source>Pick lists</source>
        <translation>Picklijsten</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Verzendlabels</translation>
    </message>
    <message>
        <source>Printer for {document}</source>
        <translation>Printer voor {document}</translation>
    </message>
    <message>
        <source>Test print</source>
        <translation>Testafdruk</translation>
    </message>
    <message>
        <source>Test print: {document}</source>
        <translation>Testafdruk: {document}</translation>
    </message>
    <message>
        <source>Each kind of document prints on its own printer. With Save as PDF, or when a chosen printer is not installed, the document is saved as a PDF file and the message says where.</source>
        <translation>Elk soort document gaat naar een eigen printer. Met Opslaan als pdf, of als een gekozen printer niet geïnstalleerd is, wordt het document als pdf-bestand opgeslagen en staat in de melding waar.</translation>
    </message>
    <message>
        <source>Sounds</source>
        <translation>Geluiden</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Licht</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Donker</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Hoog contrast</translation>
    </message>
    <message>
        <source>A theme shows at once; a few coloured details (icons, some labels) change when the station starts again. The language changes when the station starts again.</source>
        <translation>Een thema zie je meteen; een paar gekleurde details (pictogrammen, sommige labels) veranderen pas als het station opnieuw start. De taal verandert als het station opnieuw start.</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Weergave</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificaten (*.pem *.crt *.cer);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Type the server&apos;s address first.</source>
        <translation>Typ eerst het adres van de server.</translation>
    </message>
    <message>
        <source>Asking {url}…</source>
        <translation>{url} wordt gevraagd…</translation>
    </message>
    <message>
        <source>Connected: the server at {url} answers (version {detail}).</source>
        <translation>Verbonden: de server op {url} antwoordt (versie {detail}).</translation>
    </message>
    <message>
        <source>The server&apos;s name cannot be found (DNS): check the address {url}.</source>
        <translation>De naam van de server is niet te vinden (DNS): controleer het adres {url}.</translation>
    </message>
    <message>
        <source>The connection was refused: nothing listens at {url}. Is the server running, and is the port right?</source>
        <translation>De verbinding is geweigerd: er luistert niets op {url}. Draait de server, en klopt de poort?</translation>
    </message>
    <message>
        <source>The server at {url} did not answer in time: a firewall, or the wrong address.</source>
        <translation>De server op {url} antwoordde niet op tijd: een firewall, of een verkeerd adres.</translation>
    </message>
    <message>
        <source>The secure connection failed (TLS certificate): the server&apos;s certificate is not trusted by the CA bundle, or its name does not match {url}.</source>
        <translation>De beveiligde verbinding is mislukt (TLS-certificaat): de CA-bundel vertrouwt het certificaat van de server niet, of de naam erin past niet bij {url}.</translation>
    </message>
    <message>
        <source>Something answered at {url}, but it is not the order server ({detail}).</source>
        <translation>Er antwoordt iets op {url}, maar het is niet de bestellingenserver ({detail}).</translation>
    </message>
    <message>
        <source>The server at {url} cannot be reached.</source>
        <translation>De server op {url} is niet bereikbaar.</translation>
    </message>
    <message>
        <source>This PC&apos;s default printer</source>
        <translation>Standaardprinter van deze pc</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Opslaan als pdf</translation>
    </message>
    <message>
        <source>{name} (not installed)</source>
        <translation>{name} (niet geïnstalleerd)</translation>
    </message>
    <message>
        <source>Test page sent to the printer {name}.</source>
        <translation>Testpagina naar printer {name} gestuurd.</translation>
    </message>
    <message>
        <source>Test page saved as {path}</source>
        <translation>Testpagina opgeslagen als {path}</translation>
    </message>
    <message>
        <source>The test page could not be printed: {error}</source>
        <translation>De testpagina kon niet worden afgedrukt: {error}</translation>
    </message>
    <message>
        <source>Not listening (the station has not started its scanners)</source>
        <translation>Luistert niet (het station heeft zijn scanners nog niet gestart)</translation>
    </message>
    <message>
        <source>No sound device found: scans are silent here, the flash still shows.</source>
        <translation>Geen geluidsapparaat gevonden: scans zijn hier stil, de flits zie je wel.</translation>
    </message>
    <message>
        <source>Loading the sounds…</source>
        <translation>Geluiden laden…</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s):</source>
        <translation>
            <numerusform>%n teken:</numerusform>
            <numerusform>%n tekens:</numerusform>
        </translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>SOUND</source>
        <translation>GELUID</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>80 %</source>
        <translation>80 %</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Geluid uit</translation>
    </message>
    <message>
        <source>No scan sounds; the green or red flash still shows</source>
        <translation>Geen scangeluiden; de groene of rode flits zie je wel</translation>
    </message>
    <message>
        <source>Try</source>
        <translation>Proberen</translation>
    </message>
    <message>
        <source>Good scan</source>
        <translation>Goede scan</translation>
    </message>
    <message>
        <source>Bad scan</source>
        <translation>Foute scan</translation>
    </message>
    <message>
        <source>Scan log</source>
        <translation>Scanlogboek</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>Standaard herstellen</translation>
    </message>
    <message>
        <source>Put every scanner setting back to how the station came</source>
        <translation>Zet alle scannerinstellingen terug zoals het station geleverd werd</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>AdjustDialog</name>
    <message>
        <source>Correct stock</source>
        <translation>Voorraad corrigeren</translation>
    </message>
    <message>
        <source>{sku} · {on_hand} on hand here as this station sees it</source>
        <translation>{sku} · {on_hand} hier aanwezig volgens dit station</translation>
    </message>
    <message>
        <source>Units (− off, + on)</source>
        <translation>Stuks (− eraf, + erbij)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Queue correction</source>
        <translation>Correctie klaarzetten</translation>
    </message>
    <message>
        <source>Say how many units to take off (−) or put on (+).</source>
        <translation>Geef aan hoeveel stuks eraf (−) of erbij (+) moeten.</translation>
    </message>
    <message>
        <source>Sent to the server as a stock correction; if stock moved there meanwhile it is refused and shows in the Conflicts inbox.</source>
        <translation>Gaat als voorraadcorrectie naar de server; is de voorraad daar intussen veranderd, dan wordt hij geweigerd en staat hij bij Conflicten.</translation>
    </message>
</context>
<context>
    <name>ChartCard</name>
    <message>
        <source>Nothing yet</source>
        <translation>Nog niets</translation>
    </message>
</context>
<context>
    <name>CountModel</name>
    <message>
        <source>Location</source>
        <translation>Locatie</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Verwacht</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Geteld</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Verschil</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>{name}  (added: {department})</source>
        <translation>{name}  (toegevoegd: {department})</translation>
    </message>
    <message>
        <source>Not counted</source>
        <translation>Niet geteld</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Ingediend</translation>
    </message>
    <message>
        <source>{count} scanned</source>
        <translation>{count} gescand</translation>
    </message>
    <message>
        <source>typed</source>
        <translation>getypt</translation>
    </message>
    <message>
        <source>{how} · set by hand</source>
        <translation>{how} · met de hand ingesteld</translation>
    </message>
    <message>
        <source>Not found (0)</source>
        <translation>Niet gevonden (0)</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Klopt</translation>
    </message>
    <message>
        <source>Over</source>
        <translation>Te veel</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Te weinig</translation>
    </message>
    <message>
        <source>Nobody counted {sku}: {expected} expected here. Count it, or choose at submit whether uncounted items count as 0 or are left out.</source>
        <translation>Niemand telde {sku}: hier {expected} verwacht. Tel het, of kies bij indienen of niet-getelde artikelen als 0 tellen of wegblijven.</translation>
    </message>
    <message>
        <source>{scans} scanned, expected {expected} when first counted; on hand moved {moved} since it was counted</source>
        <translation>{scans} gescand, {expected} verwacht bij de eerste telling; aanwezig veranderde {moved} sinds de telling</translation>
    </message>
    <message>
        <source>{scans} scanned, expected {expected} when first counted</source>
        <translation>{scans} gescand, {expected} verwacht bij de eerste telling</translation>
    </message>
</context>
<context>
    <name>CountView</name>
    <message>
        <source>Count a department or a shelf by scanning; the variances go to the server as stock counts.</source>
        <translation>Tel een afdeling of een schap door te scannen; de verschillen gaan als voorraadtellingen naar de server.</translation>
    </message>
    <message>
        <source>Only a manager can submit a count: the count is saved here — a manager signs in to review and submit it</source>
        <translation>Alleen een manager kan een telling indienen: de telling is hier bewaard — een manager meldt zich aan om hem te controleren en in te dienen</translation>
    </message>
    <message>
        <source>{department} department</source>
        <translation>Afdeling {department}</translation>
    </message>
    <message>
        <source>Aisle {aisle}, bay {bay}</source>
        <translation>Gangpad {aisle}, stelling {bay}</translation>
    </message>
    <message>
        <source>Shelf {shelf}</source>
        <translation>Schap {shelf}</translation>
    </message>
    <message>
        <source>{name} ({sku}) is not part of this count: it belongs to {department}, shelf {shelf}. Add it to the count to count it here anyway</source>
        <translation>{name} ({sku}) hoort niet bij deze telling: het hoort bij {department}, schap {shelf}. Voeg het toe aan de telling om het hier toch te tellen</translation>
    </message>
    <message>
        <source>“{0}” is not a shelf: type an aisle and bay such as H-07 (bays 01-40), or one shelf such as H-07-C (shelves A-E)</source>
        <translation>“{0}” is geen schap: typ een gangpad en stelling zoals H-07 (stellingen 01-40), of één schap zoals H-07-C (schappen A-E)</translation>
    </message>
    <message>
        <source>No department is called “{0}”: pick one from the list</source>
        <translation>Er is geen afdeling “{0}”: kies er een uit de lijst</translation>
    </message>
    <message>
        <source>There is no aisle {0} in this store (aisles: {1})</source>
        <translation>Deze winkel heeft geen gangpad {0} (gangpaden: {1})</translation>
    </message>
    <message>
        <source>No product has the barcode {0}</source>
        <translation>Geen product heeft barcode {0}</translation>
    </message>
    <message>
        <source>{0} already has {1} counted</source>
        <translation>{0} heeft al {1} geteld</translation>
    </message>
    <message>
        <source>A counted quantity is a whole number from 0 to {0}</source>
        <translation>Een getelde hoeveelheid is een heel getal van 0 tot {0}</translation>
    </message>
    <message>
        <source>SKU {0} is not in the catalogue</source>
        <translation>SKU {0} zit niet in het assortiment</translation>
    </message>
    <message>
        <source>{0} has not been counted: count it first, then give a reason</source>
        <translation>{0} is niet geteld: tel het eerst en geef dan een reden</translation>
    </message>
    <message>
        <source>Nothing has been counted yet: scan the items on the shelf first</source>
        <translation>Er is nog niets geteld: scan eerst de artikelen in het schap</translation>
    </message>
    <message>
        <source>A correction needs a number of units other than 0</source>
        <translation>Een correctie heeft een aantal stuks anders dan 0 nodig</translation>
    </message>
    <message>
        <source>This count was submitted at {0} UTC: start a new count</source>
        <translation>Deze telling is ingediend om {0} UTC: start een nieuwe telling</translation>
    </message>
    <message>
        <source>This count was cancelled: start a new count</source>
        <translation>Deze telling is geannuleerd: start een nieuwe telling</translation>
    </message>
    <message>
        <source>Cycle count</source>
        <translation>Telling</translation>
    </message>
    <message>
        <source>COUNT A DEPARTMENT</source>
        <translation>AFDELING TELLEN</translation>
    </message>
    <message>
        <source>Every product of the department, wherever it is in the store.</source>
        <translation>Elk product van de afdeling, waar het ook in de winkel ligt.</translation>
    </message>
    <message>
        <source>Department to count</source>
        <translation>Te tellen afdeling</translation>
    </message>
    <message>
        <source>Start counting the department</source>
        <translation>Afdeling gaan tellen</translation>
    </message>
    <message>
        <source>COUNT A SHELF</source>
        <translation>SCHAP TELLEN</translation>
    </message>
    <message>
        <source>An aisle and bay (H-07: all its shelves) or one shelf (H-07-C), as on the shelf label.</source>
        <translation>Een gangpad en stelling (H-07: alle schappen) of één schap (H-07-C), zoals op het schaplabel.</translation>
    </message>
    <message>
        <source>Shelf to count</source>
        <translation>Te tellen schap</translation>
    </message>
    <message>
        <source>Aisle-bay or aisle-bay-shelf, e.g. H-07 or H-07-C</source>
        <translation>Gangpad-stelling of gangpad-stelling-schap, bv. H-07 of H-07-C</translation>
    </message>
    <message>
        <source>Start counting the shelf</source>
        <translation>Schap gaan tellen</translation>
    </message>
    <message>
        <source>COUNTS IN PROGRESS</source>
        <translation>LOPENDE TELLINGEN</translation>
    </message>
    <message>
        <source>Counts in progress</source>
        <translation>Lopende tellingen</translation>
    </message>
    <message>
        <source>No count in progress at this store.</source>
        <translation>Geen lopende telling in deze winkel.</translation>
    </message>
    <message>
        <source>Resume count</source>
        <translation>Telling hervatten</translation>
    </message>
    <message>
        <source>Add to this count</source>
        <translation>Aan deze telling toevoegen</translation>
    </message>
    <message numerus="yes">
        <source>units · %n item(s) counted</source>
        <translation>
            <numerusform>stuks · %n artikel geteld</numerusform>
            <numerusform>stuks · %n artikelen geteld</numerusform>
        </translation>
    </message>
    <message>
        <source>No barcode? Type the SKU or barcode and press Enter</source>
        <translation>Geen barcode? Typ de SKU of barcode en druk op Enter</translation>
    </message>
    <message>
        <source>SKU or barcode</source>
        <translation>SKU of barcode</translation>
    </message>
    <message>
        <source>+ / − change the selected line · type a number to set it · Del recounts</source>
        <translation>+ / − wijzigt de gekozen regel · typ een getal om het in te stellen · Del telt opnieuw</translation>
    </message>
    <message>
        <source>Items counted</source>
        <translation>Getelde artikelen</translation>
    </message>
    <message>
        <source>Cancel count</source>
        <translation>Telling annuleren</translation>
    </message>
    <message>
        <source>Count something else</source>
        <translation>Iets anders tellen</translation>
    </message>
    <message>
        <source>Saved on this station as you count.</source>
        <translation>Wordt meteen op dit station bewaard.</translation>
    </message>
    <message>
        <source>Correct stock…</source>
        <translation>Voorraad corrigeren…</translation>
    </message>
    <message>
        <source>Take units off (damaged, theft) or put them on (found) for the selected line, outside the count (manager)</source>
        <translation>Stuks afboeken (beschadigd, diefstal) of bijboeken (gevonden) voor de gekozen regel, buiten de telling om (manager)</translation>
    </message>
    <message>
        <source>Review variances  →</source>
        <translation>Verschillen controleren  →</translation>
    </message>
    <message>
        <source>ITEMS COUNTED</source>
        <translation>ARTIKELEN GETELD</translation>
    </message>
    <message>
        <source>UNITS COUNTED</source>
        <translation>STUKS GETELD</translation>
    </message>
    <message>
        <source>UNITS EXPECTED</source>
        <translation>STUKS VERWACHT</translation>
    </message>
    <message>
        <source>NET VARIANCE</source>
        <translation>NETTO VERSCHIL</translation>
    </message>
    <message>
        <source>NET VALUE</source>
        <translation>NETTO WAARDE</translation>
    </message>
    <message>
        <source>ABSOLUTE VALUE</source>
        <translation>ABSOLUTE WAARDE</translation>
    </message>
    <message>
        <source>NOT COUNTED</source>
        <translation>NIET GETELD</translation>
    </message>
    <message>
        <source>Variances</source>
        <translation>Verschillen</translation>
    </message>
    <message>
        <source>←  Back to counting</source>
        <translation>←  Terug naar tellen</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exporteren</translation>
    </message>
    <message>
        <source>Items not counted:</source>
        <translation>Niet-getelde artikelen:</translation>
    </message>
    <message>
        <source>Leave them out</source>
        <translation>Weglaten</translation>
    </message>
    <message>
        <source>Count them as 0</source>
        <translation>Als 0 tellen</translation>
    </message>
    <message>
        <source>Submit count</source>
        <translation>Telling indienen</translation>
    </message>
    <message>
        <source>Count submitted</source>
        <translation>Telling ingediend</translation>
    </message>
    <message>
        <source>Start another count</source>
        <translation>Nieuwe telling starten</translation>
    </message>
    <message>
        <source>staff {id}</source>
        <translation>medewerker {id}</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n artikel</numerusform>
            <numerusform>%n artikelen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) counted</source>
        <translation>
            <numerusform>%n stuk geteld</numerusform>
            <numerusform>%n stuks geteld</numerusform>
        </translation>
    </message>
    <message>
        <source>{scope}   ·   started {when} by {who}   ·   {items}, {units}</source>
        <translation>{scope}   ·   gestart {when} door {who}   ·   {items}, {units}</translation>
    </message>
    <message>
        <source>Scan the items of {scope}. Each scan counts one.</source>
        <translation>Scan de artikelen van {scope}. Elke scan telt er één.</translation>
    </message>
    <message>
        <source>Counting {scope}</source>
        <translation>{scope} tellen</translation>
    </message>
    <message>
        <source>Started {when} by {who} · saved on this station as you go</source>
        <translation>Gestart {when} door {who} · wordt onderweg op dit station bewaard</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Bezig</translation>
    </message>
    <message>
        <source>Nothing counted yet.
Scan the first item of {scope}.</source>
        <translation>Nog niets geteld.
Scan het eerste artikel van {scope}.</translation>
    </message>
    <message>
        <source>✓ {name} ({sku}) · {count} counted (scanned)</source>
        <translation>✓ {name} ({sku}) · {count} geteld (gescand)</translation>
    </message>
    <message>
        <source>✓ {name} ({sku}) · {count} counted (set)</source>
        <translation>✓ {name} ({sku}) · {count} geteld (ingesteld)</translation>
    </message>
    <message>
        <source>A count cannot go below 0</source>
        <translation>Een telling kan niet onder 0</translation>
    </message>
    <message>
        <source>{sku} taken out of the count: scan it again to recount it</source>
        <translation>{sku} uit de telling gehaald: scan het opnieuw om het opnieuw te tellen</translation>
    </message>
    <message>
        <source>Click again to cancel the count</source>
        <translation>Klik nogmaals om de telling te annuleren</translation>
    </message>
    <message>
        <source>Count of {scope} cancelled: nothing was sent.</source>
        <translation>Telling van {scope} geannuleerd: er is niets verzonden.</translation>
    </message>
    <message>
        <source>Review: {scope}</source>
        <translation>Controle: {scope}</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Controle</translation>
    </message>
    <message>
        <source>Nothing has been counted yet.</source>
        <translation>Er is nog niets geteld.</translation>
    </message>
    <message numerus="yes">
        <source>Submitting sends %n stock count(s); the server applies each against the sales and receipts since the item was counted.</source>
        <translation>
            <numerusform>Indienen verstuurt %n voorraadtelling; de server verrekent die met de verkopen en ontvangsten sinds het artikel geteld is.</numerusform>
            <numerusform>Indienen verstuurt %n voorraadtellingen; de server verrekent elke telling met de verkopen en ontvangsten sinds het artikel geteld is.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Count submitted: %n stock count(s) queued for the server.</source>
        <translation>
            <numerusform>Telling ingediend: %n voorraadtelling klaargezet voor de server.</numerusform>
            <numerusform>Telling ingediend: %n voorraadtellingen klaargezet voor de server.</numerusform>
        </translation>
    </message>
    <message>
        <source>The count was not submitted: {why}</source>
        <translation>De telling is niet ingediend: {why}</translation>
    </message>
    <message>
        <source>Submitted: {scope}</source>
        <translation>Ingediend: {scope}</translation>
    </message>
    <message>
        <source>The stock counts are in the outbox and go to the server with the next sync.</source>
        <translation>De voorraadtellingen staan klaar en gaan met de volgende synchronisatie naar de server.</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Ingediend</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) not found counted as 0.</source>
        <translation>
            <numerusform>%n niet gevonden artikel als 0 geteld.</numerusform>
            <numerusform>%n niet gevonden artikelen als 0 geteld.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stock count(s) queued</source>
        <translation>
            <numerusform>%n voorraadtelling klaargezet</numerusform>
            <numerusform>%n voorraadtellingen klaargezet</numerusform>
        </translation>
    </message>
    <message>
        <source>{scope}: commands #{first}–#{last} with their reasons.</source>
        <translation>{scope}: opdrachten #{first}–#{last} met hun redenen.</translation>
    </message>
    <message>
        <source>The server applies each count against the movements since the item was counted, so sales made meanwhile still count. Refusals appear in the Conflicts inbox.</source>
        <translation>De server verrekent elke telling met de bewegingen sinds het artikel geteld is, dus verkopen van intussen tellen gewoon mee. Weigeringen staan bij Conflicten.</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to send</source>
        <translation>
            <numerusform>%n nog niet verzonden</numerusform>
            <numerusform>%n nog niet verzonden</numerusform>
        </translation>
    </message>
    <message>
        <source>All sent to the server</source>
        <translation>Alles naar de server verzonden</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n line(s) to {file}.</source>
        <translation>
            <numerusform>%n regel geëxporteerd naar {file}.</numerusform>
            <numerusform>%n regels geëxporteerd naar {file}.</numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed: {error}</source>
        <translation>Het exporteren is mislukt: {error}</translation>
    </message>
    <message>
        <source>Choose what to count first</source>
        <translation>Kies eerst wat je gaat tellen</translation>
    </message>
    <message>
        <source>The count is still loading — scan again in a moment</source>
        <translation>De telling wordt nog geladen — scan zo opnieuw</translation>
    </message>
    <message>
        <source>That item is not part of this count ({scope})</source>
        <translation>Dat artikel hoort niet bij deze telling ({scope})</translation>
    </message>
    <message>
        <source>No product has the barcode {code}: it cannot be counted</source>
        <translation>Geen product heeft barcode {code}: het kan niet geteld worden</translation>
    </message>
    <message>
        <source>Select a line first, then press Correct stock…</source>
        <translation>Kies eerst een regel en druk dan op Voorraad corrigeren…</translation>
    </message>
    <message>
        <source>Stock of {sku} corrected by {units} ({reason}): queued.</source>
        <translation>Voorraad van {sku} gecorrigeerd met {units} ({reason}): klaargezet.</translation>
    </message>
</context>
<context>
    <name>CsvExport</name>
    <message>
        <source>Export to CSV</source>
        <translation>Exporteren naar CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
</context>
<context>
    <name>InventoryModels</name>
    <message>
        <source>Store pickup</source>
        <translation>Afhalen in winkel</translation>
    </message>
    <message>
        <source>Ship from store</source>
        <translation>Verzenden vanuit winkel</translation>
    </message>
    <message>
        <source>Ship to store</source>
        <translation>Naar winkel verzenden</translation>
    </message>
    <message>
        <source>Changed on this station; the server has not confirmed it yet</source>
        <translation>Gewijzigd op dit station; de server heeft het nog niet bevestigd</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Afdeling</translation>
    </message>
    <message>
        <source>SKUs</source>
        <translation>SKU&apos;s</translation>
    </message>
    <message>
        <source>Units on hand</source>
        <translation>Stuks aanwezig</translation>
    </message>
    <message>
        <source>Stock value</source>
        <translation>Voorraadwaarde</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Uitverkocht</translation>
    </message>
    <message>
        <source>Low stock</source>
        <translation>Weinig voorraad</translation>
    </message>
    <message>
        <source>{time} (this station)</source>
        <translation>{time} (dit station)</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>Aanwezig</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Gereserveerd</translation>
    </message>
    <message>
        <source>Safety stock</source>
        <translation>Veiligheidsvoorraad</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Beschikbaar</translation>
    </message>
    <message>
        <source>Last known</source>
        <translation>Laatst bekend</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestelling</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Klant</translation>
    </message>
    <message>
        <source>Ready since</source>
        <translation>Klaar sinds</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wacht al</translation>
    </message>
    <message>
        <source>Days waiting</source>
        <translation>Dagen wachtend</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Uiterlijk</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>Vak</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Promised</source>
        <translation>Toegezegd</translation>
    </message>
    <message>
        <source>Late by</source>
        <translation>Te laat</translation>
    </message>
    <message>
        <source>Hours late</source>
        <translation>Uren te laat</translation>
    </message>
</context>
<context>
    <name>InventoryView</name>
    <message>
        <source>All departments</source>
        <translation>Alle afdelingen</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{hours}h {minutes}m</source>
        <translation>{hours}u {minutes}m</translation>
    </message>
    <message>
        <source>{days}d {hours}h</source>
        <translation>{days}d {hours}u</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>Voorraadoverzicht</translation>
    </message>
    <message>
        <source>Reading the station&apos;s data…</source>
        <translation>Gegevens van het station worden gelezen…</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Afdeling</translation>
    </message>
    <message>
        <source>Narrow the out-of-stock and low-stock lists</source>
        <translation>De lijsten uitverkocht en weinig voorraad beperken</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Fulfilled today</source>
        <translation>Vandaag verwerkt</translation>
    </message>
    <message>
        <source>Time to ready</source>
        <translation>Tijd tot klaar</translation>
    </message>
    <message>
        <source>Rejected today</source>
        <translation>Vandaag afgewezen</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Uitverkocht</translation>
    </message>
    <message>
        <source>Low stock</source>
        <translation>Weinig voorraad</translation>
    </message>
    <message>
        <source>Aged pickups</source>
        <translation>Blijft liggen</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Te laat</translation>
    </message>
    <message>
        <source>Show the out of stock list</source>
        <translation>Toon de lijst uitverkocht</translation>
    </message>
    <message>
        <source>Show the low stock list</source>
        <translation>Toon de lijst weinig voorraad</translation>
    </message>
    <message>
        <source>Show the aged pickups list</source>
        <translation>Toon de afhaalbestellingen die blijven liggen</translation>
    </message>
    <message>
        <source>Show the overdue list</source>
        <translation>Toon de lijst te laat</translation>
    </message>
    <message>
        <source>Stock value by department</source>
        <translation>Voorraadwaarde per afdeling</translation>
    </message>
    <message>
        <source>Orders fulfilled per hour</source>
        <translation>Verwerkte bestellingen per uur</translation>
    </message>
    <message>
        <source>Rejections today by reason</source>
        <translation>Afwijzingen vandaag per reden</translation>
    </message>
    <message>
        <source>Ctrl+{number}</source>
        <translation>Ctrl+{number}</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exporteren</translation>
    </message>
    <message>
        <source>Save the list shown as a CSV file (for a spreadsheet)</source>
        <translation>De getoonde lijst als CSV-bestand opslaan (voor een spreadsheet)</translation>
    </message>
    <message>
        <source>The station&apos;s data could not be read</source>
        <translation>De gegevens van het station konden niet gelezen worden</translation>
    </message>
    <message>
        <source>The inventory figures could not be read: {error}</source>
        <translation>De voorraadcijfers konden niet gelezen worden: {error}</translation>
    </message>
    <message>
        <source>SKUs in {department}</source>
        <translation>SKU&apos;s in {department}</translation>
    </message>
    <message>
        <source>SKUs, none available</source>
        <translation>SKU&apos;s, niets beschikbaar</translation>
    </message>
    <message>
        <source>orders, {day}</source>
        <translation>bestellingen, {day}</translation>
    </message>
    <message>
        <source>average of {count}</source>
        <translation>gemiddelde van {count}</translation>
    </message>
    <message>
        <source>none ready yet today</source>
        <translation>vandaag nog niets klaar</translation>
    </message>
    <message numerus="yes">
        <source>units in %n line(s)</source>
        <translation>
            <numerusform>stuks in %n regel</numerusform>
            <numerusform>stuks in %n regels</numerusform>
        </translation>
    </message>
    <message>
        <source>units</source>
        <translation>stuks</translation>
    </message>
    <message>
        <source>SKUs, 1–{most} available</source>
        <translation>SKU&apos;s, 1–{most} beschikbaar</translation>
    </message>
    <message>
        <source>ready over {days} days</source>
        <translation>langer dan {days} dagen klaar</translation>
    </message>
    <message>
        <source>past promised time</source>
        <translation>over de toegezegde tijd</translation>
    </message>
    <message>
        <source>{value} on hand</source>
        <translation>{value} aanwezig</translation>
    </message>
    <message>
        <source>On hand × price</source>
        <translation>Aanwezig × prijs</translation>
    </message>
    <message>
        <source>top {shown} of {count} departments</source>
        <translation>top {shown} van {count} afdelingen</translation>
    </message>
    <message>
        <source>No stock on record for this store</source>
        <translation>Geen voorraad bekend voor deze winkel</translation>
    </message>
    <message>
        <source>Units rejected while picking</source>
        <translation>Stuks afgewezen tijdens het picken</translation>
    </message>
    <message>
        <source>No rejections today</source>
        <translation>Vandaag geen afwijzingen</translation>
    </message>
    <message>
        <source>{count} handed over or shipped today, by hour</source>
        <translation>{count} vandaag overhandigd of verzonden, per uur</translation>
    </message>
    <message>
        <source>No orders fulfilled yet today</source>
        <translation>Vandaag nog geen bestellingen verwerkt</translation>
    </message>
    <message>
        <source>Not synced with the server yet</source>
        <translation>Nog niet met de server gesynchroniseerd</translation>
    </message>
    <message>
        <source>the last sync</source>
        <translation>de laatste synchronisatie</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>zojuist</translation>
    </message>
    <message>
        <source>{duration} ago</source>
        <translation>{duration} geleden</translation>
    </message>
    <message>
        <source>{time}, {ago}</source>
        <translation>{time}, {ago}</translation>
    </message>
    <message>
        <source>Figures as of {when}</source>
        <translation>Cijfers van {when}</translation>
    </message>
    <message>
        <source>{age} · from this station&apos;s data</source>
        <translation>{age} · uit de gegevens van dit station</translation>
    </message>
    <message>
        <source>The server cannot be reached. These figures are this station&apos;s data as of {when}; they catch up by themselves once the connection is back.</source>
        <translation>De server is niet bereikbaar. Deze cijfers zijn de gegevens van dit station van {when}; ze lopen vanzelf bij zodra de verbinding terug is.</translation>
    </message>
    <message>
        <source>Value = on hand × price</source>
        <translation>Aanwezig × prijs</translation>
    </message>
    <message>
        <source>Double-click or Enter to open</source>
        <translation>Dubbelklik of Enter om te openen</translation>
    </message>
    <message>
        <source>No stock on record for this store yet.</source>
        <translation>Nog geen voorraad bekend voor deze winkel.</translation>
    </message>
    <message>
        <source>Nothing is out of stock in {department}.</source>
        <translation>Niets is uitverkocht in {department}.</translation>
    </message>
    <message>
        <source>Nothing is out of stock.</source>
        <translation>Niets is uitverkocht.</translation>
    </message>
    <message>
        <source>No SKU in {department} is down to {units} units or fewer.</source>
        <translation>Geen SKU in {department} zit op {units} stuks of minder.</translation>
    </message>
    <message>
        <source>No SKU is down to {units} units or fewer.</source>
        <translation>Geen SKU zit op {units} stuks of minder.</translation>
    </message>
    <message>
        <source>No pickup has waited more than {days} days.</source>
        <translation>Geen afhaalbestelling wacht langer dan {days} dagen.</translation>
    </message>
    <message>
        <source>Every order is on time.</source>
        <translation>Alle bestellingen zijn op tijd.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to {file}</source>
        <translation>
            <numerusform>%n rij geëxporteerd naar {file}</numerusform>
            <numerusform>%n rijen geëxporteerd naar {file}</numerusform>
        </translation>
    </message>
    <message>
        <source>The list could not be saved to {file}: {error}</source>
        <translation>De lijst kon niet opgeslagen worden in {file}: {error}</translation>
    </message>
</context>
<context>
    <name>ListButton</name>
    <message>
        <source>Departments</source>
        <translation>Afdelingen</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Uitverkocht</translation>
    </message>
    <message>
        <source>Low stock</source>
        <translation>Weinig voorraad</translation>
    </message>
    <message>
        <source>Aged pickups</source>
        <translation>Blijft liggen</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Te laat</translation>
    </message>
</context>
<context>
    <name>ReasonDelegate</name>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
</context>
</TS>

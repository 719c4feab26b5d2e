<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Line {number} · {name} ({sku}) · {count} ordered</source>
        <translation>Regel {number} · {name} ({sku}) · {count} besteld</translation>
    </message>
    <message>
        <source>Queue change</source>
        <translation>Wijziging klaarzetten</translation>
    </message>
    <message>
        <source>{title} — {number}</source>
        <translation>{title} — {number}</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <source>Close without changing anything</source>
        <translation>Sluiten zonder iets te wijzigen</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>Kies een reden…</translation>
    </message>
    <message>
        <source>Choose a reason.</source>
        <translation>Kies een reden.</translation>
    </message>
    <message>
        <source>Cancel a line</source>
        <translation>Regel annuleren</translation>
    </message>
    <message>
        <source>Change quantity</source>
        <translation>Aantal wijzigen</translation>
    </message>
    <message>
        <source>Cancel the order</source>
        <translation>Bestelling annuleren</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>Bestelling annuleren</translation>
    </message>
    <message>
        <source>Stores to choose from</source>
        <translation>Winkels om uit te kiezen</translation>
    </message>
    <message>
        <source>Move the pickup</source>
        <translation>Afhalen verplaatsen</translation>
    </message>
    <message>
        <source>Change pickup store</source>
        <translation>Afhaalwinkel wijzigen</translation>
    </message>
    <message>
        <source>Switch</source>
        <translation>Omzetten</translation>
    </message>
    <message>
        <source>Pickup or delivery</source>
        <translation>Afhalen of bezorgen</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Vervangen</translation>
    </message>
    <message>
        <source>Replace a damaged item</source>
        <translation>Beschadigd artikel vervangen</translation>
    </message>
    <message>
        <source>Save contact details</source>
        <translation>Contactgegevens opslaan</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>Contactgegevens</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Opnieuw versturen</translation>
    </message>
    <message>
        <source>Resend ready-for-pickup notice</source>
        <translation>Afhaalbericht opnieuw versturen</translation>
    </message>
    <message>
        <source>Release the hold</source>
        <translation>Blokkade opheffen</translation>
    </message>
    <message>
        <source>Release fraud hold</source>
        <translation>Fraudeblokkade opheffen</translation>
    </message>
</context>
<context>
    <name>CancelOrderDialog</name>
    <message>
        <source>Cancel order {number}</source>
        <translation>Bestelling {number} annuleren</translation>
    </message>
    <message>
        <source>Optional note (what the customer said)</source>
        <translation>Notitie, niet verplicht (wat de klant zei)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>This releases: {what}. The customer is told and refunded.</source>
        <translation>Dit geeft vrij: {what}. De klant krijgt bericht en zijn geld terug.</translation>
    </message>
    <message>
        <source>Nothing is reserved for this order any more.</source>
        <translation>Voor deze bestelling is niets meer gereserveerd.</translation>
    </message>
    <message>
        <source>Cancel order {number} ({reason})</source>
        <translation>Bestelling {number} annuleren ({reason})</translation>
    </message>
</context>
<context>
    <name>ChangeDeliveryDialog</name>
    <message>
        <source>Netherlands</source>
        <translation>Nederland</translation>
    </message>
    <message>
        <source>Belgium</source>
        <translation>België</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>Duitsland</translation>
    </message>
    <message>
        <source>France</source>
        <translation>Frankrijk</translation>
    </message>
    <message>
        <source>Luxembourg</source>
        <translation>Luxemburg</translation>
    </message>
    <message>
        <source>Deliver to an address</source>
        <translation>Bezorgen op een adres</translation>
    </message>
    <message>
        <source>Pick up at a store</source>
        <translation>Afhalen in een winkel</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Ontvanger</translation>
    </message>
    <message>
        <source>Street and number</source>
        <translation>Straat en huisnummer</translation>
    </message>
    <message>
        <source>Address line 2</source>
        <translation>Adresregel 2</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standaard</translation>
    </message>
    <message>
        <source>Express</source>
        <translation>Spoed</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>Verzending</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>What is not yet packed is re-routed to ship to this address; refused when the goods already left the store.</source>
        <translation>Wat nog niet ingepakt is, wordt naar dit adres verzonden; geweigerd als de goederen de winkel al uit zijn.</translation>
    </message>
    <message>
        <source>The goods are re-routed for pickup at the store chosen.</source>
        <translation>De goederen gaan naar de gekozen winkel om daar af te halen.</translation>
    </message>
    <message>
        <source>Deliver {number} to {street}, {city}</source>
        <translation>{number} bezorgen op {street}, {city}</translation>
    </message>
    <message>
        <source>Pick the store the customer will collect from.</source>
        <translation>Kies de winkel waar de klant afhaalt.</translation>
    </message>
    <message>
        <source>Pick up {number} at {code} {name}</source>
        <translation>{number} afhalen bij {code} {name}</translation>
    </message>
</context>
<context>
    <name>ChangePickupStoreDialog</name>
    <message>
        <source>Stock as this station last synced it. The server decides: if the store cannot serve the order any more the change is refused and shows in Conflicts.</source>
        <translation>Voorraad zoals dit station die het laatst synchroniseerde. De server beslist: kan de winkel de bestelling niet meer leveren, dan wordt de wijziging geweigerd en staat die bij Conflicten.</translation>
    </message>
    <message>
        <source>Pick the store the customer will collect from.</source>
        <translation>Kies de winkel waar de klant afhaalt.</translation>
    </message>
    <message>
        <source>{store} does not have enough of {skus}: pick a store with every item in stock.</source>
        <translation>{store} heeft te weinig van {skus}: kies een winkel die alles op voorraad heeft.</translation>
    </message>
    <message>
        <source>Move pickup of {number} to {code} {name}</source>
        <translation>Afhalen van {number} verplaatsen naar {code} {name}</translation>
    </message>
</context>
<context>
    <name>ChangeQuantityDialog</name>
    <message>
        <source>Cancel line</source>
        <translation>Regel annuleren</translation>
    </message>
    <message>
        <source>Change quantity</source>
        <translation>Aantal wijzigen</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>New quantity</source>
        <translation>Nieuw aantal</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>The {count} not yet picked of {name} are released ({kept} already picked stay).</source>
        <translation>De {count} nog niet gepickte {name} komen vrij ({kept} al gepickt blijven).</translation>
    </message>
    <message>
        <source>The {count} not yet picked of {name} are released.</source>
        <translation>De {count} nog niet gepickte {name} komen vrij.</translation>
    </message>
    <message>
        <source>{count} of {name} released; the customer is refunded for them.</source>
        <translation>{count} × {name} vrijgegeven; de klant krijgt daarvoor zijn geld terug.</translation>
    </message>
    <message>
        <source>Lower the quantity: at most {most}, at least {least}.</source>
        <translation>Verlaag het aantal: hoogstens {most}, minstens {least}.</translation>
    </message>
    <message>
        <source>Nothing of this order can be changed any more.</source>
        <translation>Aan deze bestelling valt niets meer te wijzigen.</translation>
    </message>
    <message>
        <source>Cancel line {line} ({name}) of {number}</source>
        <translation>Regel {line} ({name}) van {number} annuleren</translation>
    </message>
    <message>
        <source>Change line {line} ({name}) of {number} from {old} to {new}</source>
        <translation>Regel {line} ({name}) van {number} wijzigen van {old} naar {new}</translation>
    </message>
</context>
<context>
    <name>EditContactDialog</name>
    <message>
        <source>Customer</source>
        <translation>Klant</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>Collected by (optional)</source>
        <translation>Afgehaald door (niet verplicht)</translation>
    </message>
    <message>
        <source>Someone else who may collect; empty for nobody</source>
        <translation>Iemand anders die mag afhalen; leeg voor niemand</translation>
    </message>
    <message>
        <source>Only what you change is sent; the customer&apos;s next messages use it.</source>
        <translation>Alleen wat je wijzigt wordt verzonden; de volgende berichten aan de klant gebruiken het.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>naam</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>telefoon</translation>
    </message>
    <message>
        <source>collected by</source>
        <translation>afgehaald door</translation>
    </message>
    <message>
        <source>Change {fields} of {number}</source>
        <translation>{fields} van {number} wijzigen</translation>
    </message>
</context>
<context>
    <name>OrderActions</name>
    <message>
        <source>Quantity change</source>
        <translation>Aantalwijziging</translation>
    </message>
    <message>
        <source>Line cancel</source>
        <translation>Regelannulering</translation>
    </message>
    <message>
        <source>Cancellation</source>
        <translation>Annulering</translation>
    </message>
    <message>
        <source>Pickup store change</source>
        <translation>Wijziging afhaalwinkel</translation>
    </message>
    <message>
        <source>Pickup/delivery switch</source>
        <translation>Omzetting afhalen/bezorgen</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation>Vervanging</translation>
    </message>
    <message>
        <source>Contact change</source>
        <translation>Wijziging contactgegevens</translation>
    </message>
    <message>
        <source>Ready notice</source>
        <translation>Afhaalbericht</translation>
    </message>
    <message>
        <source>Fraud hold release</source>
        <translation>Opheffen fraudeblokkade</translation>
    </message>
    <message>
        <source>an associate</source>
        <translation>Een medewerker</translation>
    </message>
    <message>
        <source>a lead</source>
        <translation>Een teamleider</translation>
    </message>
    <message>
        <source>a manager</source>
        <translation>Een manager</translation>
    </message>
    <message>
        <source>customer service</source>
        <translation>Klantenservice</translation>
    </message>
    <message>
        <source>an admin</source>
        <translation>Een beheerder</translation>
    </message>
    <message>
        <source>Order {number} is not at this station.</source>
        <translation>Bestelling {number} staat niet op dit station.</translation>
    </message>
    <message>
        <source>Order {number} has ended (collected, shipped or cancelled).</source>
        <translation>Bestelling {number} is afgerond (afgehaald, verzonden of geannuleerd).</translation>
    </message>
    <message>
        <source>Everything of {number} is already picked, packed or handed over: no line can be lowered or cancelled any more.</source>
        <translation>Alles van {number} is al gepickt, ingepakt of overhandigd: geen regel kan nog omlaag of geannuleerd worden.</translation>
    </message>
    <message>
        <source>{number} is delivered, not picked up: use Pickup or delivery.</source>
        <translation>{number} wordt bezorgd, niet afgehaald: gebruik Afhalen of bezorgen.</translation>
    </message>
    <message>
        <source>The goods of {number} already left the store: it cannot switch now.</source>
        <translation>De goederen van {number} zijn de winkel al uit: omzetten kan niet meer.</translation>
    </message>
    <message>
        <source>{number} is not ready for pickup: there is no ready notice to send.</source>
        <translation>{number} is niet klaar om af te halen: er is geen afhaalbericht te versturen.</translation>
    </message>
    <message>
        <source>{number} is not on fraud review: there is no hold to release.</source>
        <translation>{number} staat niet in fraudecontrole: er is geen blokkade op te heffen.</translation>
    </message>
    <message>
        <source>Sign in first, then change the order.</source>
        <translation>Meld je eerst aan en wijzig dan de bestelling.</translation>
    </message>
    <message>
        <source>Unknown change: {action}</source>
        <translation>Onbekende wijziging: {action}</translation>
    </message>
    <message>
        <source>Finish the change that is open first.</source>
        <translation>Maak eerst de wijziging af die openstaat.</translation>
    </message>
    <message>
        <source>{who} may not make this change ({change}).</source>
        <translation>{who} mag deze wijziging niet doen ({change}).</translation>
    </message>
    <message>
        <source>{summary} — asked by {name}.</source>
        <translation>{summary} — gevraagd door {name}.</translation>
    </message>
    <message>
        <source>{change} not made: no manager approved it.</source>
        <translation>{change} niet gedaan: geen manager gaf goedkeuring.</translation>
    </message>
    <message>
        <source>{summary}, approved by {name}: queued, it is sent when the network is back.</source>
        <translation>{summary}, goedgekeurd door {name}: klaargezet, wordt verzonden zodra het netwerk terug is.</translation>
    </message>
    <message>
        <source>{summary}, approved by {name}: queued, waiting for the server.</source>
        <translation>{summary}, goedgekeurd door {name}: klaargezet, wacht op de server.</translation>
    </message>
    <message>
        <source>{summary}: queued, it is sent when the network is back.</source>
        <translation>{summary}: klaargezet, wordt verzonden zodra het netwerk terug is.</translation>
    </message>
    <message>
        <source>{summary}: queued, waiting for the server.</source>
        <translation>{summary}: klaargezet, wacht op de server.</translation>
    </message>
    <message>
        <source>{change} refused: {why}</source>
        <translation>{change} geweigerd: {why}</translation>
    </message>
</context>
<context>
    <name>OrderDetailPanel</name>
    <message>
        <source>Change quantity</source>
        <translation>Aantal wijzigen</translation>
    </message>
    <message>
        <source>Cancel a line</source>
        <translation>Regel annuleren</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>Bestelling annuleren</translation>
    </message>
    <message>
        <source>Change pickup store</source>
        <translation>Afhaalwinkel wijzigen</translation>
    </message>
    <message>
        <source>Pickup ⇄ delivery</source>
        <translation>Afhalen ⇄ bezorgen</translation>
    </message>
    <message>
        <source>Replace item</source>
        <translation>Artikel vervangen</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>Contact wijzigen</translation>
    </message>
    <message>
        <source>Resend ready notice</source>
        <translation>Afhaalbericht opnieuw</translation>
    </message>
    <message>
        <source>Release fraud hold</source>
        <translation>Fraudeblokkade opheffen</translation>
    </message>
    <message>
        <source>Change how many of a line the customer gets</source>
        <translation>Wijzig hoeveel de klant van een regel krijgt</translation>
    </message>
    <message>
        <source>Cancel a whole line of the order</source>
        <translation>Een hele regel van de bestelling annuleren</translation>
    </message>
    <message>
        <source>Cancel every open part of the order</source>
        <translation>Alle open delen van de bestelling annuleren</translation>
    </message>
    <message>
        <source>Collect at another store (shows what nearby stores have)</source>
        <translation>Afhalen in een andere winkel (toont wat winkels in de buurt hebben)</translation>
    </message>
    <message>
        <source>Switch between pickup at a store and delivery to an address</source>
        <translation>Wisselen tussen afhalen in een winkel en bezorgen op een adres</translation>
    </message>
    <message>
        <source>Write off a damaged item and send a new one from a store with stock</source>
        <translation>Beschadigd artikel afboeken en een nieuw sturen uit een winkel met voorraad</translation>
    </message>
    <message>
        <source>Change the customer&apos;s name, e-mail, phone or the alternate pickup person</source>
        <translation>Naam, e-mail of telefoon van de klant wijzigen, of wie er nog mag afhalen</translation>
    </message>
    <message>
        <source>Send the customer the ready-for-pickup message again</source>
        <translation>De klant het afhaalbericht opnieuw sturen</translation>
    </message>
    <message>
        <source>Release the order from fraud review (manager or customer service)</source>
        <translation>De bestelling uit fraudecontrole halen (manager of klantenservice)</translation>
    </message>
    <message>
        <source>Cancel the order</source>
        <translation>Bestelling annuleren</translation>
    </message>
    <message>
        <source>Change the pickup store</source>
        <translation>Afhaalwinkel wijzigen</translation>
    </message>
    <message>
        <source>Change delivery</source>
        <translation>Bezorging wijzigen</translation>
    </message>
    <message>
        <source>Replace an item</source>
        <translation>Artikel vervangen</translation>
    </message>
    <message>
        <source>Edit contact details</source>
        <translation>Contactgegevens wijzigen</translation>
    </message>
    <message>
        <source>Resend the ready notice</source>
        <translation>Afhaalbericht opnieuw versturen</translation>
    </message>
    <message>
        <source>Release the fraud hold</source>
        <translation>Fraudeblokkade opheffen</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>regel {line}</translation>
    </message>
    <message>
        <source>to {quantity}</source>
        <translation>naar {quantity}</translation>
    </message>
    <message>
        <source>store #{store}</source>
        <translation>winkel #{store}</translation>
    </message>
    <message>
        <source>reason: {reason}</source>
        <translation>reden: {reason}</translation>
    </message>
    <message>
        <source>{name}, approved by {approver}</source>
        <translation>{name}, goedgekeurd door {approver}</translation>
    </message>
    <message>
        <source>{change} — by {who}, waiting to be sent — last try: {error}</source>
        <translation>{change} — door {who}, nog niet verzonden — laatste poging: {error}</translation>
    </message>
    <message>
        <source>{change} — by {who}, waiting to be sent</source>
        <translation>{change} — door {who}, nog niet verzonden</translation>
    </message>
    <message>
        <source>Nothing left to change: the order is {status}.</source>
        <translation>Niets meer te wijzigen: de bestelling is {status}.</translation>
    </message>
    <message>
        <source>No line has units left to change.</source>
        <translation>Geen regel heeft nog stuks om te wijzigen.</translation>
    </message>
    <message>
        <source>Not collected at a store: it is delivered to the customer.</source>
        <translation>Wordt niet in een winkel afgehaald: het wordt bij de klant bezorgd.</translation>
    </message>
    <message>
        <source>Only once the order is ready for pickup (it is {status}).</source>
        <translation>Pas als de bestelling klaar is om af te halen (nu: {status}).</translation>
    </message>
    <message>
        <source>No fraud hold to release (fraud check: {status}).</source>
        <translation>Geen fraudeblokkade op te heffen (fraudecontrole: {status}).</translation>
    </message>
    <message>
        <source>clear</source>
        <translation>in orde</translation>
    </message>
    <message>
        <source>released</source>
        <translation>vrijgegeven</translation>
    </message>
    <message>
        <source>review</source>
        <translation>in controle</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>afgewezen</translation>
    </message>
    <message>
        <source>Authorized</source>
        <translation>Geautoriseerd</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>Afgeschreven</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Vervallen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislukt</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Nog niet verzonden</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Terugbetaald</translation>
    </message>
    <message>
        <source>not routed</source>
        <translation>niet toegewezen</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Opnieuw laden</translation>
    </message>
    <message>
        <source>Read the order again (F5)</source>
        <translation>Bestelling opnieuw lezen (F5)</translation>
    </message>
    <message>
        <source>CUSTOMER</source>
        <translation>KLANT</translation>
    </message>
    <message>
        <source>PAYMENT · FRAUD</source>
        <translation>BETALING · FRAUDE</translation>
    </message>
    <message>
        <source>DELIVERY</source>
        <translation>BEZORGING</translation>
    </message>
    <message>
        <source>LINES</source>
        <translation>REGELS</translation>
    </message>
    <message>
        <source>Lines of the order</source>
        <translation>Regels van de bestelling</translation>
    </message>
    <message>
        <source>CHANGE THIS ORDER</source>
        <translation>DEZE BESTELLING WIJZIGEN</translation>
    </message>
    <message>
        <source>Fraud hold</source>
        <translation>Fraudeblokkade</translation>
    </message>
    <message>
        <source>Fraud: rejected</source>
        <translation>Fraude: afgewezen</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to send</source>
        <translation>
            <numerusform>%n wijziging nog niet verzonden</numerusform>
            <numerusform>%n wijzigingen nog niet verzonden</numerusform>
        </translation>
    </message>
    <message>
        <source>Placed {when}</source>
        <translation>Geplaatst {when}</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n artikel</numerusform>
            <numerusform>%n artikelen</numerusform>
        </translation>
    </message>
    <message>
        <source>version {version}</source>
        <translation>versie {version}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Changes waiting for the server&lt;/b&gt; — shown here as they will be once it confirms them:</source>
        <translation>&lt;b&gt;Wijzigingen die op de server wachten&lt;/b&gt; — hier getoond zoals ze worden als de server ze bevestigt:</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;The server refused a change&lt;/b&gt;: {why} (and %n more in the Conflicts inbox)</source>
        <translation>
            <numerusform>&lt;b&gt;De server weigerde een wijziging&lt;/b&gt;: {why} (en nog %n bij Conflicten)</numerusform>
            <numerusform>&lt;b&gt;De server weigerde een wijziging&lt;/b&gt;: {why} (en nog %n bij Conflicten)</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;The server refused a change&lt;/b&gt;: {why}</source>
        <translation>&lt;b&gt;De server weigerde een wijziging&lt;/b&gt;: {why}</translation>
    </message>
    <message>
        <source>no phone</source>
        <translation>geen telefoon</translation>
    </message>
    <message>
        <source>no e-mail</source>
        <translation>geen e-mail</translation>
    </message>
    <message>
        <source>Also may collect:</source>
        <translation>Mag ook afhalen:</translation>
    </message>
    <message>
        <source>No alternate pickup person</source>
        <translation>Niemand anders mag afhalen</translation>
    </message>
    <message>
        <source>Payment: {state}</source>
        <translation>Betaling: {state}</translation>
    </message>
    <message>
        <source>Fraud check: {state}</source>
        <translation>Fraudecontrole: {state}</translation>
    </message>
    <message>
        <source>Rules hit:</source>
        <translation>Geraakte regels:</translation>
    </message>
    <message>
        <source>No fraud rules hit</source>
        <translation>Geen fraudregels geraakt</translation>
    </message>
    <message>
        <source>Not routed to a store yet</source>
        <translation>Nog niet aan een winkel toegewezen</translation>
    </message>
    <message>
        <source>store {store}</source>
        <translation>winkel {store}</translation>
    </message>
    <message>
        <source>bin {bin}</source>
        <translation>vak {bin}</translation>
    </message>
    <message>
        <source>Held until {when}</source>
        <translation>Bewaard tot {when}</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Naar:</translation>
    </message>
</context>
<context>
    <name>OrderModels</name>
    <message>
        <source>Pickup</source>
        <translation>Afhalen</translation>
    </message>
    <message>
        <source>Ship to store</source>
        <translation>Naar winkel verzenden</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Bezorgen</translation>
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
        <source>Placed</source>
        <translation>Geplaatst</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totaal</translation>
    </message>
    <message>
        <source> · waiting to send</source>
        <translation> · nog niet verzonden</translation>
    </message>
    <message>
        <source>Other store</source>
        <translation>Andere winkel</translation>
    </message>
    <message>
        <source>Stores: {stores}</source>
        <translation>Winkels: {stores}</translation>
    </message>
    <message>
        <source>Fraud check: {state}</source>
        <translation>Fraudecontrole: {state}</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Aantal</translation>
    </message>
    <message>
        <source>Picked</source>
        <translation>Gepickt</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemen</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Waar</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>Vak</translation>
    </message>
    <message>
        <source>{method} from {store}</source>
        <translation>{method} vanuit {store}</translation>
    </message>
    <message>
        <source>, collected at {store}</source>
        <translation>, afgehaald bij {store}</translation>
    </message>
    <message>
        <source>A change to it is waiting to be sent.</source>
        <translation>Een wijziging hiervan is nog niet verzonden.</translation>
    </message>
    <message>
        <source>Fulfillment {id}: {where}</source>
        <translation>Zending {id}: {where}</translation>
    </message>
    <message>
        <source>{count} rejected</source>
        <translation>{count} afgewezen</translation>
    </message>
    <message>
        <source>{count} refused</source>
        <translation>{count} geweigerd</translation>
    </message>
    <message>
        <source> (pending)</source>
        <translation> (nog niet verzonden)</translation>
    </message>
    <message>
        <source>{picked}/{quantity} picked</source>
        <translation>{picked}/{quantity} gepickt</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Waarom</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Gebeurtenis</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>{name}, approved by {approver}</source>
        <translation>{name}, goedgekeurd door {approver}</translation>
    </message>
    <message>
        <source>approved by {approver}</source>
        <translation>goedgekeurd door {approver}</translation>
    </message>
    <message>
        <source>By {name}</source>
        <translation>Door {name}</translation>
    </message>
    <message>
        <source>Approved by {approver}</source>
        <translation>Goedgekeurd door {approver}</translation>
    </message>
    <message>
        <source>Station: {station}</source>
        <translation>Station: {station}</translation>
    </message>
</context>
<context>
    <name>OrderRefusals</name>
    <message>
        <source>A quantity can only be lowered; place a new order for more.</source>
        <translation>Een aantal kan alleen omlaag; plaats een nieuwe bestelling voor meer.</translation>
    </message>
    <message>
        <source>Choose a reason.</source>
        <translation>Kies een reden.</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s e-mail address.</source>
        <translation>Vul het e-mailadres van de klant in.</translation>
    </message>
    <message>
        <source>The e-mail address needs an @ (like name@example.com).</source>
        <translation>Het e-mailadres heeft een @ nodig (zoals naam@voorbeeld.nl).</translation>
    </message>
    <message>
        <source>The e-mail address cannot contain spaces.</source>
        <translation>Het e-mailadres mag geen spaties bevatten.</translation>
    </message>
    <message>
        <source>The e-mail address has more than one @.</source>
        <translation>Het e-mailadres heeft meer dan één @.</translation>
    </message>
    <message>
        <source>The part after the @ needs a domain with a dot (like example.com).</source>
        <translation>Na de @ moet een domein met een punt staan (zoals voorbeeld.nl).</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s phone number.</source>
        <translation>Vul het telefoonnummer van de klant in.</translation>
    </message>
    <message>
        <source>A phone number has only digits, spaces and + - ( ).</source>
        <translation>Een telefoonnummer heeft alleen cijfers, spaties en + - ( ).</translation>
    </message>
    <message>
        <source>The + goes only at the start of the number (like +31 6 1234 5678).</source>
        <translation>De + staat alleen aan het begin van het nummer (zoals +31 6 1234 5678).</translation>
    </message>
    <message>
        <source>Enter the street and house number.</source>
        <translation>Vul straat en huisnummer in.</translation>
    </message>
    <message>
        <source>The street line needs a house number.</source>
        <translation>Bij de straat hoort een huisnummer.</translation>
    </message>
    <message>
        <source>Enter the postal code.</source>
        <translation>Vul de postcode in.</translation>
    </message>
    <message>
        <source>Enter the town or city.</source>
        <translation>Vul de plaats in.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Er is niets gewijzigd.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>naam</translation>
    </message>
    <message>
        <source>recipient&apos;s name</source>
        <translation>naam van de ontvanger</translation>
    </message>
    <message>
        <source>customer&apos;s name</source>
        <translation>naam van de klant</translation>
    </message>
    <message>
        <source>collector&apos;s name</source>
        <translation>naam van wie afhaalt</translation>
    </message>
    <message>
        <source>four digits and two letters, like 1012 JS</source>
        <translation>vier cijfers en twee letters, zoals 1012 JS</translation>
    </message>
    <message>
        <source>four digits, like 1000</source>
        <translation>vier cijfers, zoals 1000</translation>
    </message>
    <message>
        <source>five digits, like 10115</source>
        <translation>vijf cijfers, zoals 10115</translation>
    </message>
    <message>
        <source>five digits, like 75001</source>
        <translation>vijf cijfers, zoals 75001</translation>
    </message>
    <message>
        <source>four digits, like 1009</source>
        <translation>vier cijfers, zoals 1009</translation>
    </message>
    <message>
        <source>Line {line} already has {quantity}: choose another quantity.</source>
        <translation>Regel {line} heeft al {quantity}: kies een ander aantal.</translation>
    </message>
    <message>
        <source>{count} of line {line} is already picked, packed or handed over: it cannot go below {count}.</source>
        <translation>{count} van regel {line} is al gepickt, ingepakt of overhandigd: het kan niet onder {count}.</translation>
    </message>
    <message>
        <source>The phone number has {count} digits: it needs at least 8.</source>
        <translation>Het telefoonnummer heeft {count} cijfers: er zijn er minstens 8 nodig.</translation>
    </message>
    <message>
        <source>The phone number has {count} digits: at most 15 are possible.</source>
        <translation>Het telefoonnummer heeft {count} cijfers: er kunnen er hoogstens 15.</translation>
    </message>
    <message>
        <source>Enter the {who}.</source>
        <translation>Vul de {who} in.</translation>
    </message>
    <message>
        <source>The {who} is too short.</source>
        <translation>De {who} is te kort.</translation>
    </message>
    <message>
        <source>The {who} is too long (at most 120 characters).</source>
        <translation>De {who} is te lang (hoogstens 120 tekens).</translation>
    </message>
    <message>
        <source>We deliver to {countries} only.</source>
        <translation>We bezorgen alleen in {countries}.</translation>
    </message>
    <message>
        <source>A postal code in {country} is {format}.</source>
        <translation>Een postcode in {country} is {format}.</translation>
    </message>
    <message>
        <source>the goods in bin {bin} go back on the shelf</source>
        <translation>de goederen in vak {bin} gaan terug in het schap</translation>
    </message>
</context>
<context>
    <name>OrderTimeline</name>
    <message>
        <source>Order placed</source>
        <translation>Bestelling geplaatst</translation>
    </message>
    <message>
        <source>Re-routed to another store</source>
        <translation>Naar een andere winkel omgeleid</translation>
    </message>
    <message>
        <source>Picking started</source>
        <translation>Picken begonnen</translation>
    </message>
    <message>
        <source>Ready for pickup</source>
        <translation>Klaar om af te halen</translation>
    </message>
    <message>
        <source>Handed over to the customer</source>
        <translation>Aan de klant overhandigd</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>Ingepakt</translation>
    </message>
    <message>
        <source>Unpacked</source>
        <translation>Uitgepakt</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Verzonden</translation>
    </message>
    <message>
        <source>Sent to the pickup store</source>
        <translation>Naar de afhaalwinkel gestuurd</translation>
    </message>
    <message>
        <source>Received at the pickup store</source>
        <translation>Ontvangen in de afhaalwinkel</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Geannuleerd</translation>
    </message>
    <message>
        <source>Expired: not collected in time</source>
        <translation>Verlopen: niet op tijd afgehaald</translation>
    </message>
    <message>
        <source>Line rejected by the store</source>
        <translation>Regel afgewezen door de winkel</translation>
    </message>
    <message>
        <source>Quantity changed</source>
        <translation>Aantal gewijzigd</translation>
    </message>
    <message>
        <source>Order cancelled</source>
        <translation>Bestelling geannuleerd</translation>
    </message>
    <message>
        <source>Pickup store changed</source>
        <translation>Afhaalwinkel gewijzigd</translation>
    </message>
    <message>
        <source>Fraud hold released</source>
        <translation>Fraudeblokkade opgeheven</translation>
    </message>
    <message>
        <source>Goods back on the shelf</source>
        <translation>Goederen terug in het schap</translation>
    </message>
    <message>
        <source>Delivery changed</source>
        <translation>Bezorging gewijzigd</translation>
    </message>
    <message>
        <source>Item replaced</source>
        <translation>Artikel vervangen</translation>
    </message>
    <message>
        <source>Contact details changed</source>
        <translation>Contactgegevens gewijzigd</translation>
    </message>
    <message>
        <source>Ready-for-pickup notice sent again</source>
        <translation>Afhaalbericht opnieuw verstuurd</translation>
    </message>
    <message>
        <source>Shipping labels bought</source>
        <translation>Verzendlabels gekocht</translation>
    </message>
    <message>
        <source>Shipping label voided</source>
        <translation>Verzendlabel ongeldig gemaakt</translation>
    </message>
    <message>
        <source>Collected by the customer</source>
        <translation>Afgehaald door de klant</translation>
    </message>
    <message>
        <source>Rejected by the store</source>
        <translation>Afgewezen door de winkel</translation>
    </message>
    <message>
        <source>store pickup</source>
        <translation>afhalen in winkel</translation>
    </message>
    <message>
        <source>ship to store</source>
        <translation>naar winkel verzenden</translation>
    </message>
    <message>
        <source>ship from store</source>
        <translation>verzenden vanuit winkel</translation>
    </message>
    <message>
        <source>delivery</source>
        <translation>bezorgen</translation>
    </message>
    <message>
        <source>pickup</source>
        <translation>afhalen</translation>
    </message>
    <message>
        <source>web</source>
        <translation>webshop</translation>
    </message>
    <message>
        <source>marketplace</source>
        <translation>marktplaats</translation>
    </message>
    <message>
        <source>call centre</source>
        <translation>klantenservice</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>regel {line}</translation>
    </message>
    <message>
        <source>1 unit</source>
        <translation>1 stuk</translation>
    </message>
    <message>
        <source>{count} units</source>
        <translation>{count} stuks</translation>
    </message>
    <message>
        <source>via {channel}</source>
        <translation>via {channel}</translation>
    </message>
    <message>
        <source>Order placed ({channel})</source>
        <translation>Bestelling geplaatst ({channel})</translation>
    </message>
    <message>
        <source>Fulfillment {id}: {method} at {store}</source>
        <translation>Zending {id}: {method} bij {store}</translation>
    </message>
    <message>
        <source>{count} × {sku} (line {line}) rejected at {store}</source>
        <translation>{count} × {sku} (regel {line}) afgewezen bij {store}</translation>
    </message>
    <message>
        <source>Goods of fulfillment {id} back on the shelf</source>
        <translation>Goederen van zending {id} terug in het schap</translation>
    </message>
    <message>
        <source>in bin {bin}</source>
        <translation>in vak {bin}</translation>
    </message>
    <message>
        <source>(fulfillment {id})</source>
        <translation>(zending {id})</translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message>
        <source>Type an order number, a customer&apos;s name, phone or e-mail, or a SKU —
or scan the order&apos;s QR code.</source>
        <translation>Typ een bestelnummer, de naam, telefoon of e-mail van een klant, of een SKU —
of scan de QR-code van de bestelling.</translation>
    </message>
    <message>
        <source>Search or scan an order.
Its lines, payment, customer and timeline show here.</source>
        <translation>Zoek of scan een bestelling.
Regels, betaling, klant en tijdlijn staan dan hier.</translation>
    </message>
    <message>
        <source>Searching all stores needs the network: the station is offline. This store&apos;s orders are still searchable.</source>
        <translation>Zoeken in alle winkels kan alleen met netwerk: het station is offline. De bestellingen van deze winkel zijn nog te doorzoeken.</translation>
    </message>
    <message>
        <source>Orders of other stores are read online in your name: sign in again with your PIN while the station is online.</source>
        <translation>Bestellingen van andere winkels worden online op jouw naam gelezen: meld je opnieuw aan met je pincode terwijl het station online is.</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellingen</translation>
    </message>
    <message>
        <source>Find an order by number, customer, phone, e-mail or SKU</source>
        <translation>Zoek een bestelling op nummer, klant, telefoon, e-mail of SKU</translation>
    </message>
    <message>
        <source>This store</source>
        <translation>Deze winkel</translation>
    </message>
    <message>
        <source>All stores · online</source>
        <translation>Alle winkels · online</translation>
    </message>
    <message>
        <source>Search every store&apos;s orders on the server (needs the network)</source>
        <translation>Zoek in de bestellingen van alle winkels op de server (netwerk nodig)</translation>
    </message>
    <message>
        <source>Search this store&apos;s orders on this station (works offline)</source>
        <translation>Zoek in de bestellingen van deze winkel op dit station (werkt ook offline)</translation>
    </message>
    <message>
        <source>Order number, customer name, phone, e-mail or SKU…</source>
        <translation>Bestelnummer, klantnaam, telefoon, e-mail of SKU…</translation>
    </message>
    <message>
        <source>Search orders</source>
        <translation>Bestellingen zoeken</translation>
    </message>
    <message>
        <source>↓ results · Enter opens · Esc clears · F5 reloads</source>
        <translation>↓ resultaten · Enter opent · Esc wist · F5 laadt opnieuw</translation>
    </message>
    <message>
        <source>Orders found</source>
        <translation>Gevonden bestellingen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Searching all stores needs an online sign-in:&lt;/b&gt; sign in again with your PIN while the station is online. This store&apos;s orders are searchable.</source>
        <translation>&lt;b&gt;Zoeken in alle winkels vraagt een online aanmelding:&lt;/b&gt; meld je opnieuw aan met je pincode terwijl het station online is. De bestellingen van deze winkel zijn te doorzoeken.</translation>
    </message>
    <message>
        <source>Searching all stores…</source>
        <translation>Zoeken in alle winkels…</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) in this store (the newest 50)</source>
        <translation>
            <numerusform>%n bestelling in deze winkel (de nieuwste 50)</numerusform>
            <numerusform>%n bestellingen in deze winkel (de nieuwste 50)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) in this store</source>
        <translation>
            <numerusform>%n bestelling in deze winkel</numerusform>
            <numerusform>%n bestellingen in deze winkel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) (the newest 50)</source>
        <translation>
            <numerusform>%n bestelling (de nieuwste 50)</numerusform>
            <numerusform>%n bestellingen (de nieuwste 50)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n bestelling</numerusform>
            <numerusform>%n bestellingen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) in all stores</source>
        <translation>
            <numerusform>%n bestelling in alle winkels</numerusform>
            <numerusform>%n bestellingen in alle winkels</numerusform>
        </translation>
    </message>
    <message>
        <source>No order matches “{text}”.
Check the number or spelling; a phone number can be typed any way (+31 6…, 06…).</source>
        <translation>Geen bestelling gevonden voor “{text}”.
Controleer het nummer of de spelling; een telefoonnummer mag je op elke manier typen (+31 6…, 06…).</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Niets gevonden</translation>
    </message>
    <message>
        <source>Asking the server for every change…</source>
        <translation>Alle wijzigingen worden bij de server opgevraagd…</translation>
    </message>
    <message>
        <source>Sign in with your PIN to read it online.</source>
        <translation>Meld je aan met je pincode om hem online te lezen.</translation>
    </message>
    <message>
        <source>Order {number} is not in this store&apos;s orders. {why}</source>
        <translation>Bestelling {number} hoort niet bij deze winkel. {why}</translation>
    </message>
    <message>
        <source>No order {number} in your stores.</source>
        <translation>Geen bestelling {number} in jouw winkels.</translation>
    </message>
    <message>
        <source>The server could not be asked ({why}). {note}</source>
        <translation>De server was niet te bereiken ({why}). {note}</translation>
    </message>
    <message>
        <source>Order {number} could not be read: {why}</source>
        <translation>Bestelling {number} kon niet gelezen worden: {why}</translation>
    </message>
    <message>
        <source>Orders could not be read from this PC&apos;s cache: {error}</source>
        <translation>Bestellingen konden niet uit de cache van deze pc gelezen worden: {error}</translation>
    </message>
    <message>
        <source>Scan an order or pickup code here</source>
        <translation>Scan hier een bestel- of afhaalcode</translation>
    </message>
    <message>
        <source>The station is still starting — scan again in a moment</source>
        <translation>Het station start nog — scan zo opnieuw</translation>
    </message>
</context>
<context>
    <name>ProductDetailPanel</name>
    <message>
        <source>In stock</source>
        <translation>Op voorraad</translation>
    </message>
    <message>
        <source>Low stock</source>
        <translation>Weinig voorraad</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Uitverkocht</translation>
    </message>
    <message>
        <source>Not stocked</source>
        <translation>Niet in assortiment</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Merk</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Kleur</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Maat</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>Afmetingen</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Inhoud</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Leeftijd</translation>
    </message>
    <message>
        <source>Scent</source>
        <translation>Geur</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Uitvoering</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Materiaal</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Pasvorm</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Patroon</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pagina&apos;s</translation>
    </message>
    <message>
        <source>store code</source>
        <translation>winkelcode</translation>
    </message>
    <message>
        <source>BARCODES</source>
        <translation>BARCODES</translation>
    </message>
    <message>
        <source>ATTRIBUTES</source>
        <translation>KENMERKEN</translation>
    </message>
    <message>
        <source>THIS STORE</source>
        <translation>DEZE WINKEL</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Nog niet verzonden</translation>
    </message>
    <message>
        <source>A change made here is waiting for the server</source>
        <translation>Een wijziging van hier wacht op de server</translation>
    </message>
    <message>
        <source>available to promise</source>
        <translation>beschikbaar om toe te zeggen</translation>
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
        <source>NEARBY STORES · NEAREST FIRST</source>
        <translation>WINKELS IN DE BUURT · DICHTSTBIJZIJNDE EERST</translation>
    </message>
    <message>
        <source>No other store&apos;s stock is kept on this station.</source>
        <translation>Dit station houdt geen voorraad van andere winkels bij.</translation>
    </message>
    <message>
        <source>Figures {age} (last sync with the server)</source>
        <translation>Cijfers {age} (laatste synchronisatie met de server)</translation>
    </message>
    <message>
        <source>Figures {age}</source>
        <translation>Cijfers {age}</translation>
    </message>
    <message>
        <source>THIS STORE · {code}</source>
        <translation>DEZE WINKEL · {code}</translation>
    </message>
    <message>
        <source>not stocked in this store</source>
        <translation>niet in het assortiment van deze winkel</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Winkel</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Afstand</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Beschikbaar</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>{on_hand} on hand, {reserved} reserved, {safety} safety stock</source>
        <translation>{on_hand} aanwezig, {reserved} gereserveerd, {safety} veiligheidsvoorraad</translation>
    </message>
    <message>
        <source>{status} · {time} there now</source>
        <translation>{status} · daar nu {time}</translation>
    </message>
</context>
<context>
    <name>ProductTile</name>
    <message>
        <source>{department} — no product photo on this station</source>
        <translation>{department} — geen productfoto op dit station</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
</context>
<context>
    <name>ReleaseHoldDialog</name>
    <message>
        <source>Why the order is safe (ID checked, customer called…)</source>
        <translation>Waarom de bestelling veilig is (legitimatie gecontroleerd, klant gebeld…)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>no rule named</source>
        <translation>geen regel genoemd</translation>
    </message>
    <message>
        <source>On hold because: {rules}. Released, it is fulfilled as normal.</source>
        <translation>Geblokkeerd vanwege: {rules}. Na vrijgeven wordt hij gewoon verwerkt.</translation>
    </message>
    <message>
        <source>Write a note: why is the order safe to release?</source>
        <translation>Schrijf een notitie: waarom mag de bestelling vrijgegeven worden?</translation>
    </message>
    <message>
        <source>Release the fraud hold of {number}</source>
        <translation>Fraudeblokkade van {number} opheffen</translation>
    </message>
</context>
<context>
    <name>ReplaceItemDialog</name>
    <message>
        <source>Line</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Units to replace</source>
        <translation>Te vervangen stuks</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Take the replacement from:</source>
        <translation>Vervanging halen uit:</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Beschikbaar</translation>
    </message>
    <message>
        <source>The damaged units here are written off; the replacement comes from the store chosen. The server checks its stock: if it has too little the change is refused.</source>
        <translation>De beschadigde stuks hier worden afgeboekt; de vervanging komt uit de gekozen winkel. De server controleert de voorraad daar: is die te klein, dan wordt de wijziging geweigerd.</translation>
    </message>
    <message>
        <source>No other location has {sku} available as this station last synced.</source>
        <translation>Volgens de laatste synchronisatie heeft geen andere locatie {sku} beschikbaar.</translation>
    </message>
    <message>
        <source>Nothing of this order can be replaced.</source>
        <translation>Van deze bestelling valt niets te vervangen.</translation>
    </message>
    <message>
        <source>Pick a location that has {sku} in stock.</source>
        <translation>Kies een locatie die {sku} op voorraad heeft.</translation>
    </message>
    <message>
        <source>{store} has {have} of {sku} available, not {wanted}.</source>
        <translation>{store} heeft {have} van {sku} beschikbaar, geen {wanted}.</translation>
    </message>
    <message>
        <source>Replace {count} × {name} of {number} from {store}</source>
        <translation>{count} × {name} van {number} vervangen uit {store}</translation>
    </message>
</context>
<context>
    <name>ResendNoticeDialog</name>
    <message>
        <source>The customer gets the ready-for-pickup message again at {email} and {phone}, with the pickup code.</source>
        <translation>De klant krijgt het afhaalbericht opnieuw op {email} en {phone}, met de afhaalcode.</translation>
    </message>
    <message>
        <source>Resend the ready-for-pickup notice of {number}</source>
        <translation>Afhaalbericht van {number} opnieuw versturen</translation>
    </message>
</context>
<context>
    <name>StockResultsModel</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Afdeling</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prijs</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>This store does not stock it</source>
        <translation>Deze winkel voert het niet</translation>
    </message>
    <message>
        <source>{count} available to promise here — includes a change not yet confirmed</source>
        <translation>{count} hier beschikbaar om toe te zeggen — inclusief een nog niet bevestigde wijziging</translation>
    </message>
    <message>
        <source>{count} available to promise here</source>
        <translation>{count} hier beschikbaar om toe te zeggen</translation>
    </message>
    <message>
        <source>Available to promise in this store</source>
        <translation>Beschikbaar om toe te zeggen in deze winkel</translation>
    </message>
</context>
<context>
    <name>StockTime</name>
    <message>
        <source>Mon</source>
        <translation>ma</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>di</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>wo</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>do</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>vr</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>za</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>zo</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>zojuist</translation>
    </message>
    <message>
        <source>{seconds} s ago</source>
        <translation>{seconds} s geleden</translation>
    </message>
    <message>
        <source>{minutes} min ago</source>
        <translation>{minutes} min geleden</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min ago</source>
        <translation>{hours} u {minutes} min geleden</translation>
    </message>
    <message>
        <source>{hours} h ago</source>
        <translation>{hours} u geleden</translation>
    </message>
    <message>
        <source>1 day ago</source>
        <translation>1 dag geleden</translation>
    </message>
    <message>
        <source>{days} days ago</source>
        <translation>{days} dagen geleden</translation>
    </message>
    <message>
        <source>yesterday {time}</source>
        <translation>gisteren {time}</translation>
    </message>
    <message>
        <source>not synced yet</source>
        <translation>nog niet gesynchroniseerd</translation>
    </message>
    <message>
        <source>as of {time}, {ago}</source>
        <translation>van {time}, {ago}</translation>
    </message>
    <message>
        <source>Closed today</source>
        <translation>Vandaag gesloten</translation>
    </message>
    <message>
        <source>Open until {time}</source>
        <translation>Open tot {time}</translation>
    </message>
    <message>
        <source>Opens {time}</source>
        <translation>Open om {time}</translation>
    </message>
    <message>
        <source>Opens tomorrow {time}</source>
        <translation>Morgen open om {time}</translation>
    </message>
    <message>
        <source>Opens {day} {time}</source>
        <translation>{day} open om {time}</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Gesloten</translation>
    </message>
    <message>
        <source>Hours unknown</source>
        <translation>Openingstijden onbekend</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>Nu open</translation>
    </message>
</context>
<context>
    <name>StockView</name>
    <message>
        <source>Type to search the catalogue:
name, SKU, barcode, brand, colour or size.</source>
        <translation>Typ om in het assortiment te zoeken:
naam, SKU, barcode, merk, kleur of maat.</translation>
    </message>
    <message>
        <source>More than {total} products — showing the first {shown}</source>
        <translation>Meer dan {total} producten — de eerste {shown} getoond</translation>
    </message>
    <message>
        <source>{total} products — showing the first {shown}</source>
        <translation>{total} producten — de eerste {shown} getoond</translation>
    </message>
    <message>
        <source>1 product</source>
        <translation>1 product</translation>
    </message>
    <message>
        <source>{total} products</source>
        <translation>{total} producten</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Voorraad</translation>
    </message>
    <message>
        <source>Search the catalogue or scan a product</source>
        <translation>Zoek in het assortiment of scan een product</translation>
    </message>
    <message>
        <source>Search by name, SKU, barcode, brand, colour, size…</source>
        <translation>Zoek op naam, SKU, barcode, merk, kleur, maat…</translation>
    </message>
    <message>
        <source>Search products</source>
        <translation>Producten zoeken</translation>
    </message>
    <message>
        <source>↓ results · Enter opens · Esc clears</source>
        <translation>↓ resultaten · Enter opent · Esc wist</translation>
    </message>
    <message>
        <source>Products found</source>
        <translation>Gevonden producten</translation>
    </message>
    <message>
        <source>Scan a product, or type a name, SKU or barcode above.
Its stock here and in nearby stores shows here.</source>
        <translation>Scan een product, of typ hierboven een naam, SKU of barcode.
De voorraad hier en in winkels in de buurt staat dan hier.</translation>
    </message>
    <message>
        <source>No product matches “{text}”.
Check the spelling, or try fewer or shorter words.</source>
        <translation>Geen product gevonden voor “{text}”.
Controleer de spelling of probeer minder of kortere woorden.</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Niets gevonden</translation>
    </message>
    <message>
        <source>Product {sku} is no longer in the catalogue.</source>
        <translation>Product {sku} zit niet meer in het assortiment.</translation>
    </message>
    <message>
        <source>The stock could not be read from this PC&apos;s cache: {error}</source>
        <translation>De voorraad kon niet uit de cache van deze pc gelezen worden: {error}</translation>
    </message>
    <message>
        <source>Scan a product barcode here</source>
        <translation>Scan hier de barcode van een product</translation>
    </message>
    <message>
        <source>The station is still starting — scan again in a moment</source>
        <translation>Het station start nog — scan zo opnieuw</translation>
    </message>
    <message>
        <source>No product has this barcode: {code}</source>
        <translation>Geen product heeft deze barcode: {code}</translation>
    </message>
    <message>
        <source>Stock figures {age}</source>
        <translation>Voorraadcijfers {age}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Offline — working from this station&apos;s cache.&lt;/b&gt; Figures are {age}. Lookups and searches still work; the figures update when the server is back.</source>
        <translation>&lt;b&gt;Offline — je werkt met de cache van dit station.&lt;/b&gt; De cijfers zijn {age}. Opzoeken en zoeken werken nog; de cijfers worden bijgewerkt als de server terug is.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Offline — working from this station&apos;s cache.&lt;/b&gt; Lookups and searches still work; the figures update when the server is back.</source>
        <translation>&lt;b&gt;Offline — je werkt met de cache van dit station.&lt;/b&gt; Opzoeken en zoeken werken nog; de cijfers worden bijgewerkt als de server terug is.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stock figures may be out of date&lt;/b&gt; — they are {age}: this station has not heard from the server since. Check with a colleague before promising the last units.</source>
        <translation>&lt;b&gt;De voorraadcijfers kunnen verouderd zijn&lt;/b&gt; — ze zijn {age}: dit station heeft sindsdien niets van de server gehoord. Vraag het een collega voor je de laatste stuks toezegt.</translation>
    </message>
</context>
<context>
    <name>StoreChoiceModel</name>
    <message>
        <source>Store</source>
        <translation>Winkel</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Afstand</translation>
    </message>
    <message>
        <source>Open today</source>
        <translation>Vandaag open</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>{sku}: this station does not see that store&apos;s stock; the server checks</source>
        <translation>{sku}: dit station ziet de voorraad van die winkel niet; de server controleert het</translation>
    </message>
    <message>
        <source>{sku}: {available} available, {needed} needed</source>
        <translation>{sku}: {available} beschikbaar, {needed} nodig</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>Offline: this is what the station&apos;s cache knows (placed, ready, collected, rejections). Who changed what, and why, shows when the server is back.</source>
        <translation>Offline: dit is wat de cache van het station weet (geplaatst, klaar, afgehaald, afwijzingen). Wie wat wijzigde en waarom, zie je als de server terug is.</translation>
    </message>
    <message>
        <source>Only what the station&apos;s cache knows: sign in with your PIN while online to see every change, who made it and why.</source>
        <translation>Alleen wat de cache van het station weet: meld je online aan met je pincode om elke wijziging te zien, wie die deed en waarom.</translation>
    </message>
    <message>
        <source>Why: {why}</source>
        <translation>Waarom: {why}</translation>
    </message>
    <message>
        <source>TIMELINE</source>
        <translation>TIJDLIJN</translation>
    </message>
    <message>
        <source>Timeline of the order</source>
        <translation>Tijdlijn van de bestelling</translation>
    </message>
    <message numerus="yes">
        <source>TIMELINE · %n EVENT(S)</source>
        <translation>
            <numerusform>TIJDLIJN (%n)</numerusform>
            <numerusform>TIJDLIJN (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>From the server</source>
        <translation>Van de server</translation>
    </message>
    <message>
        <source>From this station</source>
        <translation>Van dit station</translation>
    </message>
</context>
<context>
    <name>self.model</name>
    <message>
        <source>Store</source>
        <translation>Winkel</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Afstand</translation>
    </message>
    <message>
        <source>Open today</source>
        <translation>Vandaag open</translation>
    </message>
</context>
</TS>

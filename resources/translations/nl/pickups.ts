<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>Channels</name>
    <message>
        <source>Web shop</source>
        <translation>Webshop</translation>
    </message>
    <message>
        <source>Marketplace</source>
        <translation>Marktplaats</translation>
    </message>
    <message>
        <source>Call centre</source>
        <translation>Klantenservice (telefoon)</translation>
    </message>
    <message>
        <source>pickup</source>
        <translation>afhalen</translation>
    </message>
    <message>
        <source>ship to store</source>
        <translation>verzenden naar winkel</translation>
    </message>
    <message>
        <source>ship from store</source>
        <translation>verzenden vanuit winkel</translation>
    </message>
    <message>
        <source>authorized</source>
        <translation>geautoriseerd</translation>
    </message>
    <message>
        <source>captured</source>
        <translation>betaald</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>geannuleerd</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>geweigerd</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>mislukt</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>in behandeling</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>terugbetaald</translation>
    </message>
    <message>
        <source>partially refunded</source>
        <translation>deels terugbetaald</translation>
    </message>
</context>
<context>
    <name>ConflictDetailPanel</name>
    <message>
        <source>THE ORDER AT HEAD OFFICE NOW</source>
        <translation>DE BESTELLING NU OP HET HOOFDKANTOOR</translation>
    </message>
    <message>
        <source>BIN</source>
        <translation>VAK</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>ITEMS</source>
        <translation>ARTIKELEN</translation>
    </message>
    <message>
        <source>WHAT WAS DONE</source>
        <translation>WAT ER GEDAAN IS</translation>
    </message>
    <message>
        <source>Show order in Pickups</source>
        <translation>Bestelling tonen in Afhalen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <source>Send the same change again against the order as it is now (R)</source>
        <translation>Dezelfde wijziging opnieuw verzenden voor de bestelling zoals die nu is (R)</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Gezien</translation>
    </message>
    <message>
        <source>I have seen this: take it off the list (A)</source>
        <translation>Ik heb dit gezien: haal het van de lijst (A)</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Gezien</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Geweigerd</translation>
    </message>
    <message>
        <source>acknowledged {when}</source>
        <translation>gezien {when}</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>Wat te doen:</translation>
    </message>
    <message>
        <source>Head office answered {when}: {message} ({code})</source>
        <translation>Het hoofdkantoor antwoordde {when}: {message} ({code})</translation>
    </message>
    <message>
        <source>by {name}, {when}</source>
        <translation>door {name}, {when}</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Bezig…</translation>
    </message>
    <message>
        <source>THE STOCK AT HEAD OFFICE NOW</source>
        <translation>DE VOORRAAD NU OP HET HOOFDKANTOOR</translation>
    </message>
    <message>
        <source>{count} on hand</source>
        <translation>{count} aanwezig</translation>
    </message>
    <message>
        <source>version {number}</source>
        <translation>versie {number}</translation>
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
        <source>ITEMS ({units})</source>
        <translation>ARTIKELEN ({units})</translation>
    </message>
</context>
<context>
    <name>ConflictInboxModel</name>
    <message>
        <source>Done {done}, refused {refused}</source>
        <translation>Gedaan {done}, geweigerd {refused}</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>pickup code</source>
        <translation>afhaalcode</translation>
    </message>
    <message>
        <source>ID check</source>
        <translation>Legitimatiecontrole</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>een onbekend tijdstip</translation>
    </message>
    <message>
        <source>Checked by {method}</source>
        <translation>Gecontroleerd met {method}</translation>
    </message>
    <message>
        <source>line {number}</source>
        <translation>regel {number}</translation>
    </message>
    <message>
        <source>Customer refused {quantity} × {item} ({reason})</source>
        <translation>Klant weigerde {quantity} × {item} ({reason})</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Reden: {reason}</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nieuw</translation>
    </message>
    <message>
        <source>being picked</source>
        <translation>wordt gepickt</translation>
    </message>
    <message>
        <source>packed</source>
        <translation>ingepakt</translation>
    </message>
    <message>
        <source>on its way to the store</source>
        <translation>onderweg naar de winkel</translation>
    </message>
    <message>
        <source>arrived at the store</source>
        <translation>aangekomen in de winkel</translation>
    </message>
    <message>
        <source>ready for pickup</source>
        <translation>klaar om af te halen</translation>
    </message>
    <message>
        <source>collected</source>
        <translation>opgehaald</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>verzonden</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>geannuleerd</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>verlopen</translation>
    </message>
    <message>
        <source>rejected by the store</source>
        <translation>afgewezen door de winkel</translation>
    </message>
    <message>
        <source>your handover</source>
        <translation>je overhandiging</translation>
    </message>
    <message>
        <source>your packing</source>
        <translation>je inpakken</translation>
    </message>
    <message>
        <source>your shipment</source>
        <translation>je verzending</translation>
    </message>
    <message>
        <source>your dispatch</source>
        <translation>je verzending</translation>
    </message>
    <message>
        <source>your cancellation</source>
        <translation>je annulering</translation>
    </message>
    <message>
        <source>your rejection</source>
        <translation>je afwijzing</translation>
    </message>
    <message>
        <source>your stock correction</source>
        <translation>je voorraadcorrectie</translation>
    </message>
    <message>
        <source>your change</source>
        <translation>je wijziging</translation>
    </message>
    <message>
        <source>your move</source>
        <translation>je verplaatsing</translation>
    </message>
    <message>
        <source>your change of delivery</source>
        <translation>je wijziging van de levering</translation>
    </message>
    <message>
        <source>your replacement</source>
        <translation>je vervanging</translation>
    </message>
    <message>
        <source>your contact change</source>
        <translation>je wijziging van de contactgegevens</translation>
    </message>
    <message>
        <source>your reminder</source>
        <translation>je herinnering</translation>
    </message>
    <message>
        <source>start picking</source>
        <translation>picken starten</translation>
    </message>
    <message>
        <source>mark ready</source>
        <translation>klaarmelden</translation>
    </message>
    <message>
        <source>hand over</source>
        <translation>overhandigen</translation>
    </message>
    <message>
        <source>pack</source>
        <translation>inpakken</translation>
    </message>
    <message>
        <source>unpack</source>
        <translation>uitpakken</translation>
    </message>
    <message>
        <source>ship</source>
        <translation>verzenden</translation>
    </message>
    <message>
        <source>dispatch transfer</source>
        <translation>overboeking verzenden</translation>
    </message>
    <message>
        <source>receive transfer</source>
        <translation>overboeking ontvangen</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>annuleren</translation>
    </message>
    <message>
        <source>expire</source>
        <translation>laten verlopen</translation>
    </message>
    <message>
        <source>reject line</source>
        <translation>regel afwijzen</translation>
    </message>
    <message>
        <source>change quantity</source>
        <translation>aantal wijzigen</translation>
    </message>
    <message>
        <source>cancel order</source>
        <translation>bestelling annuleren</translation>
    </message>
    <message>
        <source>change pickup store</source>
        <translation>afhaalwinkel wijzigen</translation>
    </message>
    <message>
        <source>release fraud hold</source>
        <translation>fraudecontrole opheffen</translation>
    </message>
    <message>
        <source>change delivery</source>
        <translation>levering wijzigen</translation>
    </message>
    <message>
        <source>replace item</source>
        <translation>artikel vervangen</translation>
    </message>
    <message>
        <source>edit contact</source>
        <translation>contactgegevens wijzigen</translation>
    </message>
    <message>
        <source>resend ready notice</source>
        <translation>klaar-bericht opnieuw sturen</translation>
    </message>
    <message>
        <source>adjust inventory</source>
        <translation>voorraad corrigeren</translation>
    </message>
    <message>
        <source>return to stock</source>
        <translation>terugzetten in voorraad</translation>
    </message>
    <message>
        <source>Don&apos;t hand the goods over; if the customer already has them, call customer service.</source>
        <translation>Overhandig de goederen niet; heeft de klant ze al, bel dan de klantenservice.</translation>
    </message>
    <message>
        <source>fulfillment {id}</source>
        <translation>levering {id}</translation>
    </message>
    <message>
        <source>Hand over {order}</source>
        <translation>{order} overhandigen</translation>
    </message>
    <message>
        <source>Mark {order} ready in bin {bin}</source>
        <translation>{order} klaarmelden in vak {bin}</translation>
    </message>
    <message>
        <source>Hand over {order} ({items}, {refused} refused)</source>
        <translation>{order} overhandigen ({items}, {refused} geweigerd)</translation>
    </message>
    <message>
        <source>Hand over {order} ({items})</source>
        <translation>{order} overhandigen ({items})</translation>
    </message>
    <message>
        <source>Pack {order} ({boxes})</source>
        <translation>{order} inpakken ({boxes})</translation>
    </message>
    <message>
        <source>the carrier</source>
        <translation>de vervoerder</translation>
    </message>
    <message>
        <source>Ship {order} with {carrier}</source>
        <translation>{order} verzenden met {carrier}</translation>
    </message>
    <message>
        <source>Reject {quantity} × {item} of {order}</source>
        <translation>{quantity} × {item} van {order} afwijzen</translation>
    </message>
    <message>
        <source>Change {item} of {order} to {quantity}</source>
        <translation>{item} van {order} wijzigen naar {quantity}</translation>
    </message>
    <message>
        <source>Deliver {order} to {address} instead</source>
        <translation>{order} toch bezorgen op {address}</translation>
    </message>
    <message>
        <source>an address</source>
        <translation>een adres</translation>
    </message>
    <message>
        <source>Switch {order} to pickup in a store</source>
        <translation>{order} omzetten naar afhalen in een winkel</translation>
    </message>
    <message>
        <source>Replace {quantity} × {item} of {order} from another store</source>
        <translation>{quantity} × {item} van {order} vervangen vanuit een andere winkel</translation>
    </message>
    <message>
        <source>name</source>
        <translation>naam</translation>
    </message>
    <message>
        <source>email</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>telefoon</translation>
    </message>
    <message>
        <source>alternate pickup person</source>
        <translation>andere ophaler</translation>
    </message>
    <message>
        <source> and </source>
        <translation> en </translation>
    </message>
    <message>
        <source>contact details</source>
        <translation>contactgegevens</translation>
    </message>
    <message>
        <source>Change the {fields} of {order}</source>
        <translation>{fields} van {order} wijzigen</translation>
    </message>
    <message>
        <source>Send the ready-for-pickup message of {order} again</source>
        <translation>Het bericht ‘klaar om af te halen’ van {order} opnieuw sturen</translation>
    </message>
    <message>
        <source>Count stock of {sku}: {quantity}</source>
        <translation>Voorraad van {sku} geteld: {quantity}</translation>
    </message>
    <message>
        <source>Correct stock of {sku} by {change}</source>
        <translation>Voorraad van {sku} corrigeren met {change}</translation>
    </message>
    <message>
        <source>Start picking {order}</source>
        <translation>Picken van {order} starten</translation>
    </message>
    <message>
        <source>Unpack {order}</source>
        <translation>{order} uitpakken</translation>
    </message>
    <message>
        <source>Send off {order}</source>
        <translation>{order} verzenden</translation>
    </message>
    <message>
        <source>Receive {order}</source>
        <translation>{order} ontvangen</translation>
    </message>
    <message>
        <source>Cancel {order}</source>
        <translation>{order} annuleren</translation>
    </message>
    <message>
        <source>Expire the pickup {order}</source>
        <translation>Afhaalbestelling {order} laten verlopen</translation>
    </message>
    <message>
        <source>Cancel order {order}</source>
        <translation>Bestelling {order} annuleren</translation>
    </message>
    <message>
        <source>Move the pickup of {order}</source>
        <translation>Afhaalwinkel van {order} wijzigen</translation>
    </message>
    <message>
        <source>Release from fraud review: {order}</source>
        <translation>Fraudecontrole opheffen: {order}</translation>
    </message>
    <message>
        <source>Return {order} to stock</source>
        <translation>{order} terugzetten in voorraad</translation>
    </message>
    <message>
        <source>Order cancelled</source>
        <translation>Bestelling geannuleerd</translation>
    </message>
    <message>
        <source>The order was cancelled at head office before your handover reached it.</source>
        <translation>Het hoofdkantoor had de bestelling al geannuleerd voordat je overhandiging aankwam.</translation>
    </message>
    <message>
        <source>Pickup expired</source>
        <translation>Afhaalbestelling verlopen</translation>
    </message>
    <message>
        <source>The pickup had expired and its stock was put back before your handover reached head office.</source>
        <translation>De afhaalbestelling was al verlopen en de voorraad teruggeboekt voordat je overhandiging bij het hoofdkantoor aankwam.</translation>
    </message>
    <message>
        <source>Already collected</source>
        <translation>Al opgehaald</translation>
    </message>
    <message>
        <source>Someone else had already handed this order over before your handover reached head office.</source>
        <translation>Iemand anders had deze bestelling al overhandigd voordat je overhandiging bij het hoofdkantoor aankwam.</translation>
    </message>
    <message>
        <source>Nothing to do if the customer got their goods once; if they got them twice, call customer service.</source>
        <translation>Niets te doen als de klant de goederen één keer kreeg; kreeg de klant ze twee keer, bel dan de klantenservice.</translation>
    </message>
    <message>
        <source>Sent to another store</source>
        <translation>Naar een andere winkel gestuurd</translation>
    </message>
    <message>
        <source>The order was taken from this store and re-routed before your handover reached head office.</source>
        <translation>De bestelling was al naar een andere winkel omgeleid voordat je overhandiging bij het hoofdkantoor aankwam.</translation>
    </message>
    <message>
        <source>Pickup code not accepted</source>
        <translation>Afhaalcode niet geaccepteerd</translation>
    </message>
    <message>
        <source>Head office did not accept the pickup code your handover was checked with.</source>
        <translation>Het hoofdkantoor accepteerde de afhaalcode van je overhandiging niet.</translation>
    </message>
    <message>
        <source>Check the customer&apos;s code or ID, then hand the order over again from Pickups.</source>
        <translation>Controleer de code of legitimatie van de klant en overhandig de bestelling opnieuw via Afhalen.</translation>
    </message>
    <message>
        <source>Order changed meanwhile</source>
        <translation>Bestelling intussen gewijzigd</translation>
    </message>
    <message>
        <source>Head office changed the order while your handover was on its way.</source>
        <translation>Het hoofdkantoor wijzigde de bestelling terwijl je overhandiging onderweg was.</translation>
    </message>
    <message>
        <source>Check the order as it is now; if it is still right, retry the handover.</source>
        <translation>Controleer de bestelling zoals die nu is; klopt alles nog, probeer de overhandiging dan opnieuw.</translation>
    </message>
    <message>
        <source>Not ready any more</source>
        <translation>Niet meer klaar</translation>
    </message>
    <message>
        <source>Head office has the order as {status}, not ready for pickup, so your handover could not be recorded.</source>
        <translation>Bij het hoofdkantoor staat de bestelling op {status}, niet op klaar om af te halen, dus je overhandiging kon niet worden vastgelegd.</translation>
    </message>
    <message>
        <source>Don&apos;t hand the goods over; ask a lead to check the order.</source>
        <translation>Overhandig de goederen niet; vraag een teamleider de bestelling te controleren.</translation>
    </message>
    <message>
        <source>stock</source>
        <translation>voorraad</translation>
    </message>
    <message>
        <source>order</source>
        <translation>bestelling</translation>
    </message>
    <message>
        <source>Order {status}</source>
        <translation>Bestelling {status}</translation>
    </message>
    <message>
        <source>The order was {status} at head office before {change} reached it.</source>
        <translation>De bestelling was al {status} op het hoofdkantoor voordat {change} aankwam.</translation>
    </message>
    <message>
        <source>Stop working on it and put its items back; ask a lead if unsure.</source>
        <translation>Stop ermee en zet de artikelen terug; vraag een teamleider als je twijfelt.</translation>
    </message>
    <message>
        <source>Changed meanwhile</source>
        <translation>Intussen gewijzigd</translation>
    </message>
    <message>
        <source>Someone changed this {subject} at head office before {change} reached it.</source>
        <translation>Iemand op het hoofdkantoor wijzigde deze {subject} voordat {change} aankwam.</translation>
    </message>
    <message>
        <source>Check it as it is now below; retry if your change still makes sense.</source>
        <translation>Controleer hieronder hoe het nu is; probeer opnieuw als je wijziging nog klopt.</translation>
    </message>
    <message>
        <source>{change} no longer fits the order (head office has it as {status}): {detail}.</source>
        <translation>{change} past niet meer bij de bestelling (het hoofdkantoor heeft hem als {status}): {detail}.</translation>
    </message>
    <message>
        <source>{change} no longer fits the order: {detail}.</source>
        <translation>{change} past niet meer bij de bestelling: {detail}.</translation>
    </message>
    <message>
        <source>Not possible any more</source>
        <translation>Niet meer mogelijk</translation>
    </message>
    <message>
        <source>Check the order below; nothing was changed at head office.</source>
        <translation>Controleer de bestelling hieronder; op het hoofdkantoor is niets gewijzigd.</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Niet toegestaan</translation>
    </message>
    <message>
        <source>Head office did not allow {change}: {detail}.</source>
        <translation>Het hoofdkantoor stond {change} niet toe: {detail}.</translation>
    </message>
    <message>
        <source>Ask a lead or manager to do it.</source>
        <translation>Vraag een teamleider of manager om het te doen.</translation>
    </message>
    <message>
        <source>Check failed</source>
        <translation>Controle mislukt</translation>
    </message>
    <message>
        <source>Head office did not accept the check that came with {change}.</source>
        <translation>Het hoofdkantoor accepteerde de controle bij {change} niet.</translation>
    </message>
    <message>
        <source>Check again with the customer and do it anew.</source>
        <translation>Controleer het opnieuw met de klant en doe het nog een keer.</translation>
    </message>
    <message>
        <source>Another store&apos;s order</source>
        <translation>Bestelling van een andere winkel</translation>
    </message>
    <message>
        <source>The order belongs to another store now.</source>
        <translation>De bestelling hoort nu bij een andere winkel.</translation>
    </message>
    <message>
        <source>Nothing to do here: that store takes care of it.</source>
        <translation>Hier niets te doen: die winkel regelt het.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Niet gevonden</translation>
    </message>
    <message>
        <source>Head office does not know what {change} was for (any more).</source>
        <translation>Het hoofdkantoor weet (niet meer) waar {change} voor was.</translation>
    </message>
    <message>
        <source>If a customer is waiting, call customer service.</source>
        <translation>Wacht er een klant, bel dan de klantenservice.</translation>
    </message>
    <message>
        <source>Not enough stock</source>
        <translation>Niet genoeg voorraad</translation>
    </message>
    <message>
        <source>Head office does not have the stock {change} needs: {detail}.</source>
        <translation>Het hoofdkantoor heeft niet de voorraad die {change} nodig heeft: {detail}.</translation>
    </message>
    <message>
        <source>Count the stock again and correct it.</source>
        <translation>Tel de voorraad opnieuw en corrigeer hem.</translation>
    </message>
    <message>
        <source>Something was missing</source>
        <translation>Er ontbrak iets</translation>
    </message>
    <message>
        <source>Head office needs more for {change}: {detail}.</source>
        <translation>Het hoofdkantoor heeft meer nodig voor {change}: {detail}.</translation>
    </message>
    <message>
        <source>Do it again and fill in everything it asks for.</source>
        <translation>Doe het opnieuw en vul alles in wat gevraagd wordt.</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Geweigerd</translation>
    </message>
    <message>
        <source>Head office refused {change}: {detail}.</source>
        <translation>Het hoofdkantoor weigerde {change}: {detail}.</translation>
    </message>
    <message>
        <source>Check the order below; ask a lead if unsure.</source>
        <translation>Controleer de bestelling hieronder; vraag een teamleider als je twijfelt.</translation>
    </message>
    <message>
        <source>Already acknowledged.</source>
        <translation>Al op gezien gezet.</translation>
    </message>
    <message>
        <source>Sign in to retry.</source>
        <translation>Meld je aan om het opnieuw te proberen.</translation>
    </message>
    <message>
        <source>This station does not know this kind of change.</source>
        <translation>Dit station kent dit soort wijziging niet.</translation>
    </message>
    <message>
        <source>Your role may not {action}: ask a lead or manager.</source>
        <translation>Met jouw rol mag je niet {action}: vraag een teamleider of manager.</translation>
    </message>
    <message>
        <source>The order is no longer at this store.</source>
        <translation>De bestelling is niet meer in deze winkel.</translation>
    </message>
    <message>
        <source>A newer change to this is still being sent: wait for it.</source>
        <translation>Een nieuwere wijziging hiervan wordt nog verzonden: wacht daarop.</translation>
    </message>
    <message>
        <source>A count holds only for the moment it was taken: count the item again.</source>
        <translation>Een telling geldt alleen voor het moment van tellen: tel het artikel opnieuw.</translation>
    </message>
    <message>
        <source>Sends the stock correction again.</source>
        <translation>Verzendt de voorraadcorrectie opnieuw.</translation>
    </message>
    <message>
        <source>Nothing of the order is open any more ({statuses}).</source>
        <translation>Niets van de bestelling staat nog open ({statuses}).</translation>
    </message>
    <message>
        <source>Sends the change again.</source>
        <translation>Verzendt de wijziging opnieuw.</translation>
    </message>
    <message>
        <source>The order is {status} now: nothing to {action}.</source>
        <translation>De bestelling is nu {status}: er valt niets te {action}.</translation>
    </message>
    <message>
        <source>The order is {status} now: it cannot be {done}.</source>
        <translation>De bestelling is nu {status}: hij kan niet meer {done} worden.</translation>
    </message>
    <message>
        <source>Your role may not {action} an order that is {status}.</source>
        <translation>Met jouw rol mag je een bestelling die {status} is niet {action}.</translation>
    </message>
    <message>
        <source>Something is missing: {detail}.</source>
        <translation>Er ontbreekt iets: {detail}.</translation>
    </message>
    <message>
        <source>Held for fraud review: call a manager.</source>
        <translation>Vastgehouden voor fraudecontrole: bel een manager.</translation>
    </message>
    <message>
        <source>Sends the {action} again against the order as it is now.</source>
        <translation>Verzendt opnieuw ({action}) voor de bestelling zoals die nu is.</translation>
    </message>
    <message>
        <source>picked</source>
        <translation>gepickt</translation>
    </message>
    <message>
        <source>marked ready</source>
        <translation>klaargemeld</translation>
    </message>
    <message>
        <source>handed over</source>
        <translation>overhandigd</translation>
    </message>
    <message>
        <source>unpacked</source>
        <translation>uitgepakt</translation>
    </message>
    <message>
        <source>sent off</source>
        <translation>verzonden</translation>
    </message>
    <message>
        <source>received</source>
        <translation>ontvangen</translation>
    </message>
    <message>
        <source>Sending the same {action} again would fail the same way.</source>
        <translation>Opnieuw verzenden ({action}) zou op dezelfde manier mislukken.</translation>
    </message>
    <message>
        <source>The same check would be refused again: hand the order over anew from Pickups.</source>
        <translation>Dezelfde controle zou weer geweigerd worden: overhandig de bestelling opnieuw via Afhalen.</translation>
    </message>
    <message>
        <source>The same details would be refused again: do it anew with everything filled in.</source>
        <translation>Dezelfde gegevens zouden weer geweigerd worden: doe het opnieuw met alles ingevuld.</translation>
    </message>
    <message>
        <source>Head office does not know the order (any more).</source>
        <translation>Het hoofdkantoor kent de bestelling (niet meer).</translation>
    </message>
    <message>
        <source>Head office staff</source>
        <translation>Medewerker hoofdkantoor</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Onbekend</translation>
    </message>
    <message>
        <source>This conflict was already dealt with.</source>
        <translation>Dit conflict is al afgehandeld.</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Wat er gedaan is</translation>
    </message>
    <message>
        <source>Why it was refused</source>
        <translation>Waarom geweigerd</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Door</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>Te bekijken</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Gezien</translation>
    </message>
    <message>
        <source>No conflicts — everything you did has been accepted</source>
        <translation>Geen conflicten — alles wat je deed is geaccepteerd</translation>
    </message>
    <message>
        <source>Nothing acknowledged yet</source>
        <translation>Nog niets op gezien gezet</translation>
    </message>
    <message>
        <source>Show this list ({key})</source>
        <translation>Deze lijst tonen ({key})</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <source>Conflicts</source>
        <translation>Conflicten</translation>
    </message>
    <message>
        <source>Enter opens · A acknowledges · R retries</source>
        <translation>Enter opent · A zet op gezien · R probeert opnieuw</translation>
    </message>
    <message>
        <source>Refused changes</source>
        <translation>Geweigerde wijzigingen</translation>
    </message>
    <message>
        <source>Arrow keys choose a change; Enter opens it; A acknowledges; R retries; Ctrl+1 and Ctrl+2 switch lists</source>
        <translation>Pijltjestoetsen kiezen een wijziging; Enter opent hem; A zet op gezien; R probeert opnieuw; Ctrl+1 en Ctrl+2 wisselen van lijst</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) the server refused · look at each one and acknowledge it</source>
        <translation>
            <numerusform>%n wijziging door de server geweigerd · bekijk hem en zet hem op gezien</numerusform>
            <numerusform>%n wijzigingen door de server geweigerd · bekijk ze een voor een en zet ze op gezien</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes the server refused show up here</source>
        <translation>Wijzigingen die de server weigert, komen hier te staan</translation>
    </message>
    <message>
        <source>The conflict inbox takes order barcodes</source>
        <translation>Conflicten neemt alleen barcodes van bestellingen aan</translation>
    </message>
    <message>
        <source>Cannot retry: {why}</source>
        <translation>Opnieuw proberen kan niet: {why}</translation>
    </message>
    <message>
        <source>The change</source>
        <translation>De wijziging</translation>
    </message>
    <message>
        <source>{what}: sent again.</source>
        <translation>{what}: opnieuw verzonden.</translation>
    </message>
    <message>
        <source>Not sent again: {why}</source>
        <translation>Niet opnieuw verzonden: {why}</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>ID card</source>
        <translation>Identiteitskaart</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Paspoort</translation>
    </message>
    <message>
        <source>Driving licence</source>
        <translation>Rijbewijs</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>Ander document</translation>
    </message>
    <message>
        <source>The customer</source>
        <translation>De klant</translation>
    </message>
    <message>
        <source>Family member</source>
        <translation>Familielid</translation>
    </message>
    <message>
        <source>Colleague</source>
        <translation>Collega</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>Koerier</translation>
    </message>
    <message>
        <source>Someone else</source>
        <translation>Iemand anders</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>geweigerd</translation>
    </message>
    <message>
        <source>Refused of {name}</source>
        <translation>Geweigerd van {name}</translation>
    </message>
    <message>
        <source>Reason refused: {name}</source>
        <translation>Reden geweigerd: {name}</translation>
    </message>
    <message>
        <source>✓ scanned</source>
        <translation>✓ gescand</translation>
    </message>
    <message>
        <source>{scanned} of {units} scanned</source>
        <translation>{scanned} van {units} gescand</translation>
    </message>
    <message>
        <source>Hand over {order}</source>
        <translation>{order} overhandigen</translation>
    </message>
    <message>
        <source>For {customer} — may be collected by {collector}</source>
        <translation>Voor {customer} — mag worden opgehaald door {collector}</translation>
    </message>
    <message>
        <source>For {customer}</source>
        <translation>Voor {customer}</translation>
    </message>
    <message>
        <source>bin {bin}</source>
        <translation>vak {bin}</translation>
    </message>
    <message>
        <source>WHO COLLECTS</source>
        <translation>WIE HAALT OP</translation>
    </message>
    <message>
        <source>Pickup code</source>
        <translation>Afhaalcode</translation>
    </message>
    <message>
        <source>ID check</source>
        <translation>Legitimatiecontrole</translation>
    </message>
    <message>
        <source>6 digits from the customer&apos;s e-mail or QR</source>
        <translation>6 cijfers uit de e-mail of QR-code van de klant</translation>
    </message>
    <message>
        <source>last 3–6 characters of the document number</source>
        <translation>laatste 3–6 tekens van het documentnummer</translation>
    </message>
    <message>
        <source>Collector</source>
        <translation>Ophaler</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Last digits</source>
        <translation>Laatste cijfers</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relatie</translation>
    </message>
    <message>
        <source>Scanned from the customer&apos;s pickup QR</source>
        <translation>Gescand van de afhaal-QR van de klant</translation>
    </message>
    <message>
        <source>ITEMS</source>
        <translation>ARTIKELEN</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message numerus="yes">
        <source>Hand over %n item(s)</source>
        <translation>
            <numerusform>%n artikel overhandigen</numerusform>
            <numerusform>%n artikelen overhandigen</numerusform>
        </translation>
    </message>
    <message>
        <source>This handover is for {order}: finish or cancel it before opening {other}</source>
        <translation>Deze overhandiging is voor {order}: rond hem af of annuleer hem voordat je {other} opent</translation>
    </message>
    <message>
        <source>{order} waits in bin {bin}, not in {scanned}</source>
        <translation>{order} ligt in vak {bin}, niet in {scanned}</translation>
    </message>
    <message>
        <source>Finish or cancel the handover before switching user</source>
        <translation>Rond de overhandiging af of annuleer hem voordat je van medewerker wisselt</translation>
    </message>
    <message>
        <source>The pickup code in this QR does not match this order: check the customer&apos;s e-mail, or do an ID check</source>
        <translation>De afhaalcode in deze QR-code hoort niet bij deze bestelling: controleer de e-mail van de klant, of controleer de legitimatie</translation>
    </message>
    <message>
        <source>Still reading this order&apos;s barcodes — scan the item again</source>
        <translation>De barcodes van deze bestelling worden nog gelezen — scan het artikel opnieuw</translation>
    </message>
    <message>
        <source>This product is not in this order — check the item</source>
        <translation>Dit product zit niet in deze bestelling — controleer het artikel</translation>
    </message>
    <message>
        <source>{name}: all {units} to hand over are scanned already</source>
        <translation>{name}: alle {units} te overhandigen zijn al gescand</translation>
    </message>
    <message>
        <source>{name} is refused: it stays here</source>
        <translation>{name} is geweigerd: het blijft hier</translation>
    </message>
    <message>
        <source>Scan each item to check it against the order (optional).</source>
        <translation>Scan elk artikel om het met de bestelling te vergelijken (niet verplicht).</translation>
    </message>
    <message>
        <source>{scanned} of {units} items scanned</source>
        <translation>{scanned} van {units} artikelen gescand</translation>
    </message>
    <message numerus="yes">
        <source>✓ All %n item(s) scanned</source>
        <translation>
            <numerusform>✓ %n artikel gescand</numerusform>
            <numerusform>✓ Alle %n artikelen gescand</numerusform>
        </translation>
    </message>
    <message>
        <source>the collector&apos;s name</source>
        <translation>de naam van de ophaler</translation>
    </message>
    <message>
        <source>the document type</source>
        <translation>het soort document</translation>
    </message>
    <message>
        <source>the last digits of the document number</source>
        <translation>de laatste cijfers van het documentnummer</translation>
    </message>
    <message>
        <source>The pickup code does not match this order. Check it, or do an ID check.</source>
        <translation>De afhaalcode hoort niet bij deze bestelling. Controleer hem, of controleer de legitimatie.</translation>
    </message>
    <message>
        <source>the 6-digit pickup code</source>
        <translation>de afhaalcode van 6 cijfers</translation>
    </message>
    <message>
        <source>Still needed: {what}.</source>
        <translation>Nog nodig: {what}.</translation>
    </message>
</context>
<context>
    <name>OrderDetailPanel</name>
    <message>
        <source>BIN</source>
        <translation>VAK</translation>
    </message>
    <message>
        <source>CUSTOMER</source>
        <translation>KLANT</translation>
    </message>
    <message>
        <source>ITEMS</source>
        <translation>ARTIKELEN</translation>
    </message>
    <message>
        <source>Hand over…</source>
        <translation>Overhandigen…</translation>
    </message>
    <message>
        <source>Check who collects the order and hand it over ({key})</source>
        <translation>Controleer wie de bestelling ophaalt en overhandig hem ({key})</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>Bon afdrukken</translation>
    </message>
    <message>
        <source>Print the handover receipt (Ctrl+P)</source>
        <translation>De afhaalbon afdrukken (Ctrl+P)</translation>
    </message>
    <message>
        <source>Return to stock</source>
        <translation>Terug naar voorraad</translation>
    </message>
    <message>
        <source>The goods are back on the shelf and the bin is empty ({key}, or scan the bin label)</source>
        <translation>De goederen liggen weer in het schap en het vak is leeg ({key}, of scan het vaklabel)</translation>
    </message>
    <message>
        <source>Expire pickup…</source>
        <translation>Laten verlopen…</translation>
    </message>
    <message>
        <source>Not at this store</source>
        <translation>Niet in deze winkel</translation>
    </message>
    <message>
        <source>ordered {when}</source>
        <translation>besteld {when}</translation>
    </message>
    <message>
        <source>Hold until</source>
        <translation>Bewaren tot</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Teruggezet</translation>
    </message>
    <message>
        <source>Promised</source>
        <translation>Beloofd</translation>
    </message>
    <message>
        <source>Collected by: &lt;b&gt;{name}&lt;/b&gt;</source>
        <translation>Opgehaald door: &lt;b&gt;{name}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>ITEMS ({units})</source>
        <translation>ARTIKELEN ({units})</translation>
    </message>
    <message>
        <source>Order total {total} · {payment}</source>
        <translation>Totaal bestelling {total} · {payment}</translation>
    </message>
    <message>
        <source>Also in this order:</source>
        <translation>Ook in deze bestelling:</translation>
    </message>
    <message>
        <source>It was never staged in a bin: there is nothing to put back.</source>
        <translation>Het heeft nooit in een vak gelegen: er is niets terug te zetten.</translation>
    </message>
    <message>
        <source>Its goods are back on the shelf.</source>
        <translation>De goederen liggen weer in het schap.</translation>
    </message>
    <message>
        <source>Wait until the last change is sent.</source>
        <translation>Wacht tot de laatste wijziging verzonden is.</translation>
    </message>
    <message>
        <source>Your role may not return goods to stock.</source>
        <translation>Met jouw rol mag je geen goederen terugzetten in voorraad.</translation>
    </message>
    <message>
        <source>End the hold: the order expires, the customer is told and the stock goes back</source>
        <translation>Stop met bewaren: de bestelling verloopt, de klant krijgt bericht en de voorraad wordt teruggeboekt</translation>
    </message>
    <message>
        <source>Only a manager can expire a pickup</source>
        <translation>Alleen een manager kan een afhaalbestelling laten verlopen</translation>
    </message>
    <message>
        <source>Held for fraud review. Do not hand over: call a manager.</source>
        <translation>Vastgehouden voor fraudecontrole. Niet overhandigen: bel een manager.</translation>
    </message>
    <message>
        <source>The server refused a change: {message}</source>
        <translation>De server weigerde een wijziging: {message}</translation>
    </message>
    <message>
        <source>A change to this order is waiting to be sent to the server.</source>
        <translation>Een wijziging van deze bestelling is nog niet verzonden naar de server.</translation>
    </message>
    <message>
        <source>✓ Pickup code scanned and matches this order.</source>
        <translation>✓ Afhaalcode gescand en hoort bij deze bestelling.</translation>
    </message>
    <message>
        <source>{status}. Returned to stock {when}; bin {bin} is free.</source>
        <translation>{status}. Teruggezet in voorraad {when}; vak {bin} is vrij.</translation>
    </message>
    <message>
        <source>{status}, before it was staged in a bin.</source>
        <translation>{status}, voordat het in een vak lag.</translation>
    </message>
    <message>
        <source>{status}. Its goods are still in bin {bin}: put them back on the shelf, then press Return to stock ({key}) or scan the bin label.</source>
        <translation>{status}. De goederen liggen nog in vak {bin}: zet ze terug in het schap en druk dan op Terug naar voorraad ({key}) of scan het vaklabel.</translation>
    </message>
    <message>
        <source>Only orders that are ready can be handed over.</source>
        <translation>Alleen bestellingen die klaar zijn, kun je overhandigen.</translation>
    </message>
    <message>
        <source>Held for fraud review.</source>
        <translation>Vastgehouden voor fraudecontrole.</translation>
    </message>
    <message>
        <source>Your role may not hand orders over.</source>
        <translation>Met jouw rol mag je geen bestellingen overhandigen.</translation>
    </message>
</context>
<context>
    <name>PickupQueue</name>
    <message>
        <source>Ready</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>In voorbereiding</translation>
    </message>
    <message>
        <source>Handed over today</source>
        <translation>Vandaag overhandigd</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Verloopt bijna</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Verlopen</translation>
    </message>
    <message>
        <source>Staged in a bin, waiting for the customer</source>
        <translation>Ligt in een vak en wacht op de klant</translation>
    </message>
    <message>
        <source>Not ready yet: being picked, packed or on its way to this store</source>
        <translation>Nog niet klaar: wordt gepickt, ingepakt of is onderweg naar deze winkel</translation>
    </message>
    <message>
        <source>Collected since midnight (store time)</source>
        <translation>Opgehaald sinds middernacht (winkeltijd)</translation>
    </message>
    <message>
        <source>Ready pickups whose hold ends within a day, or has ended</source>
        <translation>Klaarliggende afhaalbestellingen waarvan de bewaartermijn binnen een dag afloopt, of al is afgelopen</translation>
    </message>
    <message>
        <source>Expired or cancelled pickups whose goods are still in their bin:
put them back on the shelf, then Return to stock</source>
        <translation>Verlopen of geannuleerde afhaalbestellingen waarvan de goederen nog in het vak liggen:
zet ze terug in het schap en kies dan Terug naar voorraad</translation>
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
        <source>Items</source>
        <translation>Stuks</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>Vak</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Promised</source>
        <translation>Beloofd</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Tijd</translation>
    </message>
</context>
<context>
    <name>PickupQueueModel</name>
    <message>
        <source>A change is waiting to be sent to the server</source>
        <translation>Een wijziging is nog niet verzonden naar de server</translation>
    </message>
    <message>
        <source>Held for fraud review: do not hand over</source>
        <translation>Vastgehouden voor fraudecontrole: niet overhandigen</translation>
    </message>
</context>
<context>
    <name>PickupsView</name>
    <message>
        <source>Pickups</source>
        <translation>Afhalen</translation>
    </message>
    <message>
        <source>Search order, name, phone or e-mail</source>
        <translation>Zoek bestelling, naam, telefoon, e-mail</translation>
    </message>
    <message>
        <source>Search pickups</source>
        <translation>Afhaalbestellingen zoeken</translation>
    </message>
    <message>
        <source>Pickup queue</source>
        <translation>Afhaalbestellingen</translation>
    </message>
    <message>
        <source>Arrow keys choose an order; Enter opens it, Enter again hands it over; Escape closes it</source>
        <translation>Pijltjestoetsen kiezen een bestelling; Enter opent hem, nog een keer Enter overhandigt hem; Escape sluit hem</translation>
    </message>
    <message>
        <source>No pickup in {tab} matches “{search}”.</source>
        <translation>Geen afhaalbestelling in {tab} past bij “{search}”.</translation>
    </message>
    <message>
        <source>{count} in {tab}</source>
        <translation>{count} in {tab}</translation>
    </message>
    <message>
        <source>Found: {where}.</source>
        <translation>Gevonden: {where}.</translation>
    </message>
    <message>
        <source>No pickups are waiting for customers right now.</source>
        <translation>Er liggen nu geen afhaalbestellingen klaar voor klanten.</translation>
    </message>
    <message>
        <source>Nothing is being prepared for pickup.</source>
        <translation>Er wordt niets voorbereid om af te halen.</translation>
    </message>
    <message>
        <source>Nothing has been handed over today yet.</source>
        <translation>Er is vandaag nog niets overhandigd.</translation>
    </message>
    <message>
        <source>No pickups are close to their deadline.</source>
        <translation>Geen afhaalbestellingen zijn bijna over hun termijn.</translation>
    </message>
    <message>
        <source>Nothing to put back: no expired or cancelled pickup is in a bin.</source>
        <translation>Niets terug te zetten: er ligt geen verlopen of geannuleerde afhaalbestelling in een vak.</translation>
    </message>
    <message>
        <source>{count} ready</source>
        <translation>{count} klaar</translation>
    </message>
    <message>
        <source>{count} in preparation</source>
        <translation>{count} in voorbereiding</translation>
    </message>
    <message>
        <source>Filtered</source>
        <translation>Gefilterd</translation>
    </message>
    <message>
        <source>{count} to return to stock</source>
        <translation>{count} terug naar voorraad</translation>
    </message>
    <message>
        <source>{count} overdue in this tab</source>
        <translation>{count} te laat in dit tabblad</translation>
    </message>
    <message>
        <source>Order {order} is not at this store.</source>
        <translation>Bestelling {order} is niet in deze winkel.</translation>
    </message>
    <message>
        <source>The scanned pickup code does not match this order.</source>
        <translation>De gescande afhaalcode hoort niet bij deze bestelling.</translation>
    </message>
    <message>
        <source>Being handed over…</source>
        <translation>Wordt overhandigd…</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n artikel</numerusform>
            <numerusform>%n artikelen</numerusform>
        </translation>
    </message>
    <message>
        <source>Handed over {order} · {items}</source>
        <translation>{order} overhandigd · {items}</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <source>{order} was not handed over: {why}</source>
        <translation>{order} is niet overhandigd: {why}</translation>
    </message>
    <message>
        <source>Handover of {order} undone.</source>
        <translation>Overhandiging van {order} ongedaan gemaakt.</translation>
    </message>
    <message>
        <source>The handover of {order} stands: {why}.</source>
        <translation>De overhandiging van {order} blijft staan: {why}.</translation>
    </message>
    <message>
        <source>Store {id}</source>
        <translation>Winkel {id}</translation>
    </message>
    <message>
        <source>Staff {id}</source>
        <translation>Medewerker {id}</translation>
    </message>
    <message>
        <source>Station {id}</source>
        <translation>Station {id}</translation>
    </message>
    <message>
        <source>There is no handover to print a receipt for yet.</source>
        <translation>Er is nog geen overhandiging om een bon van af te drukken.</translation>
    </message>
    <message>
        <source>The receipt could not be printed: {why}</source>
        <translation>De bon kon niet worden afgedrukt: {why}</translation>
    </message>
    <message>
        <source>{order} returned to stock: bin {bin} is free.</source>
        <translation>{order} teruggezet in voorraad: vak {bin} is vrij.</translation>
    </message>
    <message>
        <source>{order} was not returned to stock</source>
        <translation>{order} is niet teruggezet in voorraad</translation>
    </message>
    <message>
        <source>Expire {order}?</source>
        <translation>{order} laten verlopen?</translation>
    </message>
    <message>
        <source>The hold of {order} has ended. Expiring it ends the order for the customer (they are told) and books its stock back; its goods then wait in bin {bin} to be returned to stock.</source>
        <translation>De bewaartermijn van {order} is voorbij. Laat je hem verlopen, dan stopt de bestelling voor de klant (die krijgt bericht) en wordt de voorraad teruggeboekt; de goederen wachten dan in vak {bin} om terug in voorraad te gaan.</translation>
    </message>
    <message>
        <source>Expire pickup</source>
        <translation>Laten verlopen</translation>
    </message>
    <message>
        <source>{order} expired: return its goods to stock.</source>
        <translation>{order} verlopen: zet de goederen terug in voorraad.</translation>
    </message>
    <message>
        <source>{order} was not expired</source>
        <translation>{order} is niet verlopen</translation>
    </message>
    <message>
        <source>The pickup queue takes bin labels here</source>
        <translation>Afhalen neemt hier vaklabels aan</translation>
    </message>
    <message>
        <source>The station is still starting — scan again in a moment</source>
        <translation>Het station start nog — scan zo meteen opnieuw</translation>
    </message>
    <message>
        <source>Not now.</source>
        <translation>Nu niet.</translation>
    </message>
    <message>
        <source>That bin label belongs to store {store}.</source>
        <translation>Dat vaklabel hoort bij winkel {store}.</translation>
    </message>
    <message>
        <source>Bin {bin} holds nothing to return to stock.</source>
        <translation>In vak {bin} ligt niets om terug te zetten in voorraad.</translation>
    </message>
    <message>
        <source>{failed}: {why}</source>
        <translation>{failed}: {why}</translation>
    </message>
</context>
<context>
    <name>Plurals</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n artikel</numerusform>
            <numerusform>%n artikelen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n box(es)</source>
        <translation>
            <numerusform>%n doos</numerusform>
            <numerusform>%n dozen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>Paid online (card authorised)</source>
        <translation>Online betaald (kaart geautoriseerd)</translation>
    </message>
    <message>
        <source>Paid online</source>
        <translation>Online betaald</translation>
    </message>
    <message>
        <source>Payment voided</source>
        <translation>Betaling geannuleerd</translation>
    </message>
    <message>
        <source>Payment declined</source>
        <translation>Betaling geweigerd</translation>
    </message>
    <message>
        <source>Payment failed</source>
        <translation>Betaling mislukt</translation>
    </message>
    <message>
        <source>Signature of the collector</source>
        <translation>Handtekening ophaler</translation>
    </message>
    <message>
        <source>Store {code} · {station}</source>
        <translation>Winkel {code} · {station}</translation>
    </message>
    <message>
        <source>PICKUP RECEIPT</source>
        <translation>AFHAALBON</translation>
    </message>
    <message>
        <source>{weekday} {day} {month} {year}, {clock}</source>
        <translation>{weekday} {day} {month} {year}, {clock}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Ordered via</source>
        <translation>Besteld via</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Klant</translation>
    </message>
    <message>
        <source>Served by</source>
        <translation>Geholpen door</translation>
    </message>
    <message>
        <source>HANDED OVER ({units})</source>
        <translation>OVERHANDIGD ({units})</translation>
    </message>
    <message>
        <source>{price} each</source>
        <translation>{price} per stuk</translation>
    </message>
    <message>
        <source>REFUSED AT THE COUNTER</source>
        <translation>GEWEIGERD AAN DE BALIE</translation>
    </message>
    <message>
        <source>{sku} · Reason: {reason}</source>
        <translation>{sku} · Reden: {reason}</translation>
    </message>
    <message>
        <source>Refused items were not handed over and stay with the store.</source>
        <translation>Geweigerde artikelen zijn niet overhandigd en blijven in de winkel.</translation>
    </message>
    <message>
        <source>Items handed over</source>
        <translation>Artikelen overhandigd</translation>
    </message>
    <message>
        <source>Value handed over</source>
        <translation>Waarde overhandigd</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Betaling</translation>
    </message>
    <message>
        <source>COLLECTION</source>
        <translation>OPHALEN</translation>
    </message>
    <message>
        <source>Verified by</source>
        <translation>Gecontroleerd met</translation>
    </message>
    <message>
        <source>ID check</source>
        <translation>Legitimatiecontrole</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>{document} ending {digits}</source>
        <translation>{document} eindigend op {digits}</translation>
    </message>
    <message>
        <source>Collected by</source>
        <translation>Opgehaald door</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Relatie</translation>
    </message>
    <message>
        <source>Pickup code</source>
        <translation>Afhaalcode</translation>
    </message>
    <message>
        <source>Scan for returns and questions</source>
        <translation>Scan voor retouren en vragen</translation>
    </message>
    <message>
        <source>Thank you for shopping with us!</source>
        <translation>Bedankt voor je aankoop!</translation>
    </message>
    <message>
        <source>Pickup receipt {order}</source>
        <translation>Afhaalbon {order}</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>Picking</source>
        <translation>Picken</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>Ingepakt</translation>
    </message>
    <message>
        <source>In transit</source>
        <translation>Onderweg</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Aangekomen</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Opgehaald</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Verzonden</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Geannuleerd</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Verlopen</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Afgewezen</translation>
    </message>
</context>
<context>
    <name>Stepper</name>
    <message>
        <source>Fewer {what}</source>
        <translation>Minder {what}</translation>
    </message>
    <message>
        <source>More {what}</source>
        <translation>Meer {what}</translation>
    </message>
</context>
<context>
    <name>Time</name>
    <message>
        <source>Today {clock}</source>
        <translation>Vandaag {clock}</translation>
    </message>
    <message>
        <source>Tomorrow {clock}</source>
        <translation>Morgen {clock}</translation>
    </message>
    <message>
        <source>Yesterday {clock}</source>
        <translation>Gisteren {clock}</translation>
    </message>
    <message>
        <source>{weekday} {day} {month} {clock}</source>
        <translation>{weekday} {day} {month} {clock}</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} u {minutes} min</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} u</translation>
    </message>
    <message>
        <source>{days} d {hours} h</source>
        <translation>{days} d {hours} u</translation>
    </message>
    <message>
        <source>{days} d</source>
        <translation>{days} d</translation>
    </message>
    <message>
        <source>When the customer was told the order would be ready to collect (store time).
Red: that time has passed and the order is still being prepared.</source>
        <translation>Wanneer de klant te horen kreeg dat de bestelling klaar zou liggen (winkeltijd).
Rood: die tijd is voorbij en de bestelling wordt nog voorbereid.</translation>
    </message>
    <message>
        <source>No promised time</source>
        <translation>Geen beloofde tijd</translation>
    </message>
    <message>
        <source>Promised {late} ago ({when}) and not ready yet</source>
        <translation>{late} geleden beloofd ({when}) en nog niet klaar</translation>
    </message>
    <message>
        <source>Promised ready to collect {when}</source>
        <translation>Beloofd klaar om af te halen {when}</translation>
    </message>
    <message>
        <source>: its goods are still in bin {bin}. Put them back on the shelf.</source>
        <translation>: de goederen liggen nog in vak {bin}. Zet ze terug in het schap.</translation>
    </message>
    <message>
        <source>Collected {when}</source>
        <translation>Opgehaald {when}</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Opgehaald</translation>
    </message>
    <message>
        <source>{span} past deadline</source>
        <translation>{span} over tijd</translation>
    </message>
    <message>
        <source>Not collected by its deadline ({when}): expire it or call the customer</source>
        <translation>Niet opgehaald voor de termijn ({when}): laat hem verlopen of bel de klant</translation>
    </message>
    <message>
        <source>Expires in {span}</source>
        <translation>Nog {span}</translation>
    </message>
    <message>
        <source>Pickup deadline {when}</source>
        <translation>Afhalen uiterlijk {when}</translation>
    </message>
    <message>
        <source>Hold until {when}</source>
        <translation>Bewaren tot {when}</translation>
    </message>
    <message>
        <source>Ready for pickup</source>
        <translation>Klaar om af te halen</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wacht</translation>
    </message>
    <message>
        <source>Waiting {span}</source>
        <translation>Wacht {span}</translation>
    </message>
    <message>
        <source>{span} late</source>
        <translation>{span} te laat</translation>
    </message>
    <message>
        <source>Promised ready {when}: it is overdue</source>
        <translation>Beloofd klaar {when}: hij is te laat</translation>
    </message>
    <message>
        <source>Due in {span}</source>
        <translation>Klaar over {span}</translation>
    </message>
    <message>
        <source>Promised ready {when}</source>
        <translation>Beloofd klaar {when}</translation>
    </message>
</context>
</TS>

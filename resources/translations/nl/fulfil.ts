<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>BadScan</name>
    <message>
        <source>Nothing was scanned</source>
        <translation>Er is niets gescand</translation>
    </message>
    <message>
        <source>Scan incomplete — scan again</source>
        <translation>Scan onvolledig — scan opnieuw</translation>
    </message>
    <message>
        <source>Unexpected characters — check the scanner&apos;s keyboard setting</source>
        <translation>Onverwachte tekens — controleer de toetsenbordinstelling van de scanner</translation>
    </message>
    <message>
        <source>Check digit wrong — scan again or type the number</source>
        <translation>Controlecijfer klopt niet — scan opnieuw of typ het nummer</translation>
    </message>
    <message>
        <source>Not a product barcode</source>
        <translation>Geen productbarcode</translation>
    </message>
    <message>
        <source>Malformed GS1 barcode</source>
        <translation>Ongeldige GS1-barcode</translation>
    </message>
    <message>
        <source>Malformed order, bin or badge code</source>
        <translation>Ongeldige bestel-, vak- of pascode</translation>
    </message>
    <message>
        <source>Unknown barcode</source>
        <translation>Onbekende barcode</translation>
    </message>
</context>
<context>
    <name>DetailCard</name>
    <message>
        <source>{count} rejected</source>
        <translation>{count} afgewezen</translation>
    </message>
    <message>
        <source>{count} refused</source>
        <translation>{count} geweigerd</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Sluiten (Esc)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>start picking</source>
        <translation>beginnen met picken</translation>
    </message>
    <message>
        <source>mark ready</source>
        <translation>klaarzetten</translation>
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
        <source>send to the pickup store</source>
        <translation>naar de afhaalwinkel sturen</translation>
    </message>
    <message>
        <source>receive from another store</source>
        <translation>ontvangen uit een andere winkel</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>annuleren</translation>
    </message>
    <message>
        <source>let expire</source>
        <translation>laten verlopen</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>afwijzen</translation>
    </message>
    <message>
        <source>reject a line</source>
        <translation>een regel afwijzen</translation>
    </message>
    <message>
        <source>change a quantity</source>
        <translation>een aantal wijzigen</translation>
    </message>
    <message>
        <source>cancel the order</source>
        <translation>de bestelling annuleren</translation>
    </message>
    <message>
        <source>change the pickup store</source>
        <translation>de afhaalwinkel wijzigen</translation>
    </message>
    <message>
        <source>release the fraud hold</source>
        <translation>de fraudeblokkade opheffen</translation>
    </message>
    <message>
        <source>change the delivery</source>
        <translation>de levering wijzigen</translation>
    </message>
    <message>
        <source>replace an item</source>
        <translation>een artikel vervangen</translation>
    </message>
    <message>
        <source>edit the contact details</source>
        <translation>de contactgegevens wijzigen</translation>
    </message>
    <message>
        <source>send the ready notice again</source>
        <translation>het afhaalbericht opnieuw sturen</translation>
    </message>
    <message>
        <source>correct the stock</source>
        <translation>de voorraad corrigeren</translation>
    </message>
    <message>
        <source>put back in stock</source>
        <translation>terugzetten in de voorraad</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>being picked</source>
        <translation>aan het picken</translation>
    </message>
    <message>
        <source>packed</source>
        <translation>ingepakt</translation>
    </message>
    <message>
        <source>on its way</source>
        <translation>onderweg</translation>
    </message>
    <message>
        <source>arrived</source>
        <translation>aangekomen</translation>
    </message>
    <message>
        <source>ready for pickup</source>
        <translation>klaar om af te halen</translation>
    </message>
    <message>
        <source>handed over</source>
        <translation>overhandigd</translation>
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
        <source>rejected</source>
        <translation>afgewezen</translation>
    </message>
    <message>
        <source>a bin</source>
        <translation>een vak</translation>
    </message>
    <message>
        <source>a check of the pickup code or ID</source>
        <translation>controle van de afhaalcode of legitimatie</translation>
    </message>
    <message>
        <source>a reason</source>
        <translation>een reden</translation>
    </message>
    <message>
        <source>a tracking number</source>
        <translation>een trackingnummer</translation>
    </message>
    <message>
        <source>the boxes</source>
        <translation>de dozen</translation>
    </message>
    <message>
        <source>the collector&apos;s name</source>
        <translation>de naam van de ophaler</translation>
    </message>
    <message>
        <source>the kind of ID</source>
        <translation>het soort legitimatie</translation>
    </message>
    <message>
        <source>the last digits of the ID</source>
        <translation>de laatste cijfers van de legitimatie</translation>
    </message>
    <message>
        <source>You cannot {action} this order: it is {status}.</source>
        <translation>Je kunt deze bestelling niet {action}: ze is {status}.</translation>
    </message>
    <message>
        <source>As {role} you may not do this: {action}.</source>
        <translation>Als {role} mag je dit niet: {action}.</translation>
    </message>
    <message>
        <source>To {action}, this is still needed: {missing}.</source>
        <translation>Voor {action} is nog nodig: {missing}.</translation>
    </message>
    <message>
        <source>Only an expired or cancelled pickup goes back to stock; this one is {status}.</source>
        <translation>Alleen een verlopen of geannuleerde afhaalbestelling gaat terug naar de voorraad; deze is {status}.</translation>
    </message>
    <message>
        <source>This order was never put in a bin: there is nothing to put back.</source>
        <translation>Deze bestelling heeft nooit in een vak gelegen: er is niets terug te zetten.</translation>
    </message>
    <message>
        <source>These goods were already put back in stock.</source>
        <translation>Deze artikelen zijn al teruggezet in de voorraad.</translation>
    </message>
    <message>
        <source>Choose a reason from the list.</source>
        <translation>Kies een reden uit de lijst.</translation>
    </message>
    <message>
        <source>“{raw}” is not a valid code.</source>
        <translation>“{raw}” is geen geldige code.</translation>
    </message>
    <message>
        <source>This was changed meanwhile: look at it again and retry.</source>
        <translation>Dit is intussen gewijzigd: bekijk het opnieuw en probeer het nog eens.</translation>
    </message>
    <message>
        <source>This belongs to another store.</source>
        <translation>Dit hoort bij een andere winkel.</translation>
    </message>
    <message>
        <source>The pickup code does not match this order.</source>
        <translation>De afhaalcode hoort niet bij deze bestelling.</translation>
    </message>
    <message>
        <source>The ID check still needs: {missing}.</source>
        <translation>Voor de legitimatiecontrole is nog nodig: {missing}.</translation>
    </message>
    <message>
        <source>Line {line} is not part of this order.</source>
        <translation>Regel {line} hoort niet bij deze bestelling.</translation>
    </message>
    <message>
        <source>Line {line}: you cannot refuse {quantity}, only {left} to hand over.</source>
        <translation>Regel {line}: je kunt geen {quantity} weigeren, er zijn er maar {left} om te overhandigen.</translation>
    </message>
    <message>
        <source>Every item was refused: cancel the order instead.</source>
        <translation>Alle artikelen zijn geweigerd: annuleer in plaats daarvan de bestelling.</translation>
    </message>
    <message>
        <source>Choose a carrier before shipping.</source>
        <translation>Kies een vervoerder voordat je verzendt.</translation>
    </message>
    <message>
        <source>This order was in bin {bin}, not in bin {scanned}.</source>
        <translation>Deze bestelling lag in vak {bin}, niet in vak {scanned}.</translation>
    </message>
    <message>
        <source>You cannot reject lines of this order: it is {status}.</source>
        <translation>Je kunt geen regels van deze bestelling afwijzen: ze is {status}.</translation>
    </message>
    <message>
        <source>Line {line}: you cannot reject {quantity}, only {left} left.</source>
        <translation>Regel {line}: je kunt geen {quantity} afwijzen, er zijn er nog maar {left}.</translation>
    </message>
    <message>
        <source>This order is not at this station.</source>
        <translation>Deze bestelling staat niet op dit werkstation.</translation>
    </message>
    <message>
        <source>Order {number} has nothing left to cancel.</source>
        <translation>Bestelling {number} heeft niets meer om te annuleren.</translation>
    </message>
    <message>
        <source>Order {number} is not on fraud review.</source>
        <translation>Bestelling {number} staat niet op fraudecontrole.</translation>
    </message>
    <message>
        <source>Order {number} has nothing left to change.</source>
        <translation>Bij bestelling {number} valt niets meer te wijzigen.</translation>
    </message>
    <message>
        <source>Nothing changed: the details given are the current ones.</source>
        <translation>Er is niets gewijzigd: dit zijn de huidige gegevens al.</translation>
    </message>
    <message>
        <source>Order {number} has nothing ready for pickup: there is no notice to send.</source>
        <translation>Bestelling {number} heeft niets klaar om af te halen: er is geen bericht om te sturen.</translation>
    </message>
    <message>
        <source>There is no product with SKU {sku}.</source>
        <translation>Er is geen product met SKU {sku}.</translation>
    </message>
    <message>
        <source>A counted quantity cannot be negative.</source>
        <translation>Een geteld aantal kan niet negatief zijn.</translation>
    </message>
    <message>
        <source>The stock of {sku} cannot go below zero (on hand: {on_hand}).</source>
        <translation>De voorraad van {sku} kan niet onder nul (aanwezig: {on_hand}).</translation>
    </message>
    <message>
        <source>This cannot be done.</source>
        <translation>Dit kan niet.</translation>
    </message>
    <message>
        <source>This is not a valid code.</source>
        <translation>Dit is geen geldige code.</translation>
    </message>
    <message>
        <source>This cannot be done with the order as it is now.</source>
        <translation>Dit kan niet met de bestelling zoals ze nu is.</translation>
    </message>
    <message>
        <source>Your role may not do this.</source>
        <translation>Met jouw rol mag je dit niet.</translation>
    </message>
    <message>
        <source>Something is still missing: check the form.</source>
        <translation>Er ontbreekt nog iets: controleer het formulier.</translation>
    </message>
    <message>
        <source>There is not enough stock for this.</source>
        <translation>Hiervoor is niet genoeg voorraad.</translation>
    </message>
    <message>
        <source>The check did not match.</source>
        <translation>De controle klopt niet.</translation>
    </message>
    <message>
        <source>This was not found at this station.</source>
        <translation>Dit is niet gevonden op dit werkstation.</translation>
    </message>
</context>
<context>
    <name>ExpressBadgeDelegate</name>
    <message>
        <source>EXPRESS</source>
        <translation>SPOED</translation>
    </message>
</context>
<context>
    <name>FulfilDetailPanel</name>
    <message>
        <source>Store pickup</source>
        <translation>Afhalen in de winkel</translation>
    </message>
    <message>
        <source>Ship from store</source>
        <translation>Verzenden vanuit de winkel</translation>
    </message>
    <message>
        <source>Ship to store</source>
        <translation>Verzenden naar een winkel</translation>
    </message>
    <message>
        <source>Web shop</source>
        <translation>Webwinkel</translation>
    </message>
    <message>
        <source>Marketplace</source>
        <translation>Marktplaats</translation>
    </message>
    <message>
        <source>Call centre</source>
        <translation>Klantenservice</translation>
    </message>
    <message>
        <source>METHOD</source>
        <translation>METHODE</translation>
    </message>
    <message>
        <source>PROMISED</source>
        <translation>BELOOFD</translation>
    </message>
    <message>
        <source>EXPRESS</source>
        <translation>SPOED</translation>
    </message>
    <message>
        <source>Express delivery: the customer paid to have it fast</source>
        <translation>Spoedlevering: de klant heeft betaald voor snelle levering</translation>
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
        <source>PARCEL</source>
        <translation>PAKKET</translation>
    </message>
    <message>
        <source>Scan or type the bin (A-07)</source>
        <translation>Scan of typ het vak (A-07)</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>Vak</translation>
    </message>
    <message>
        <source>Scan or type the bin the goods go in, then press Enter</source>
        <translation>Scan of typ het vak waar de goederen in gaan en druk op Enter</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Klaarzetten</translation>
    </message>
    <message>
        <source>Put the goods in this bin: the order is ready for pickup</source>
        <translation>Leg de goederen in dit vak: de bestelling is dan klaar om af te halen</translation>
    </message>
    <message>
        <source>Pick…</source>
        <translation>Picken…</translation>
    </message>
    <message>
        <source>Receive transfer</source>
        <translation>Transfer ontvangen</translation>
    </message>
    <message>
        <source>Pack…</source>
        <translation>Inpakken…</translation>
    </message>
    <message>
        <source>Buy shipping labels</source>
        <translation>Verzendlabels kopen</translation>
    </message>
    <message>
        <source>Mark shipped</source>
        <translation>Markeren als verzonden</translation>
    </message>
    <message>
        <source>Dispatch transfer</source>
        <translation>Transfer versturen</translation>
    </message>
    <message>
        <source>Hand the transfer to the carrier under its label</source>
        <translation>Geef de transfer met zijn label mee aan de vervoerder</translation>
    </message>
    <message>
        <source>Print labels…</source>
        <translation>Labels afdrukken…</translation>
    </message>
    <message>
        <source>Packing slip…</source>
        <translation>Pakbon…</translation>
    </message>
    <message>
        <source>Void label</source>
        <translation>Label intrekken</translation>
    </message>
    <message>
        <source>Unpack…</source>
        <translation>Uitpakken…</translation>
    </message>
    <message>
        <source>ordered {when}</source>
        <translation>besteld {when}</translation>
    </message>
    <message>
        <source>(arriving here)</source>
        <translation>(komt hierheen)</translation>
    </message>
    <message>
        <source>(transfer out)</source>
        <translation>(uitgaande transfer)</translation>
    </message>
    <message>
        <source>ITEMS ({count})</source>
        <translation>ARTIKELEN ({count})</translation>
    </message>
    <message>
        <source>Order total {total}</source>
        <translation>Totaal bestelling {total}</translation>
    </message>
    <message>
        <source>Box {n} · {size} · {kg} kg</source>
        <translation>Doos {n} · {size} · {kg} kg</translation>
    </message>
    <message>
        <source>Tracking {number}</source>
        <translation>Trackingnummer {number}</translation>
    </message>
    <message>
        <source>Held for fraud review: do not pick or ship. Call a manager.</source>
        <translation>Vastgehouden voor fraudecontrole: niet picken of verzenden. Roep een manager.</translation>
    </message>
    <message>
        <source>The server refused a change: {why}</source>
        <translation>De server heeft een wijziging geweigerd: {why}</translation>
    </message>
    <message>
        <source>A change is waiting to be sent to the server.</source>
        <translation>Een wijziging is nog niet naar de server verzonden.</translation>
    </message>
    <message>
        <source>On its way here: scan its order code when the parcel arrives.</source>
        <translation>Onderweg hierheen: scan de bestelcode als het pakket binnenkomt.</translation>
    </message>
    <message>
        <source>Received: put it in a bin and scan the bin label.</source>
        <translation>Ontvangen: leg het in een vak en scan het vaklabel.</translation>
    </message>
    <message>
        <source>Wait until the last change is sent.</source>
        <translation>Wacht tot de laatste wijziging verzonden is.</translation>
    </message>
    <message>
        <source>Held for fraud review.</source>
        <translation>Vastgehouden voor fraudecontrole.</translation>
    </message>
    <message>
        <source>Labels are bought online: the server cannot be reached right now.</source>
        <translation>Labels koop je online: de server is nu niet bereikbaar.</translation>
    </message>
    <message>
        <source>Void the shipping labels (they must not be used)</source>
        <translation>De verzendlabels intrekken (ze mogen niet meer gebruikt worden)</translation>
    </message>
    <message>
        <source>Only a lead or a manager may void a label</source>
        <translation>Alleen een teamleider of manager mag een label intrekken</translation>
    </message>
    <message>
        <source>Only a lead or a manager may unpack or void a label.</source>
        <translation>Alleen een teamleider of manager mag uitpakken of een label intrekken.</translation>
    </message>
    <message>
        <source>Void the labels first, then unpack</source>
        <translation>Trek eerst de labels in en pak dan uit</translation>
    </message>
    <message>
        <source>Take the goods out of the boxes to pack them again</source>
        <translation>Haal de goederen uit de dozen om ze opnieuw in te pakken</translation>
    </message>
</context>
<context>
    <name>FulfilDocuments</name>
    <message>
        <source>Shipping labels</source>
        <translation>Verzendlabels</translation>
    </message>
    <message>
        <source>Packing slip</source>
        <translation>Pakbon</translation>
    </message>
    <message>
        <source>{number} has no shipping labels to print: buy them first.</source>
        <translation>{number} heeft geen verzendlabels om af te drukken: koop ze eerst.</translation>
    </message>
    <message>
        <source>Store {id}</source>
        <translation>Winkel {id}</translation>
    </message>
    <message>
        <source>No printer is set up: {document} saved as {path}</source>
        <translation>Geen printer ingesteld: {document} bewaard als {path}</translation>
    </message>
    <message>
        <source>The {document} could not be saved: {why}</source>
        <translation>De {document} kon niet worden bewaard: {why}</translation>
    </message>
</context>
<context>
    <name>FulfilQueue</name>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Bezig</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>Ingepakt</translation>
    </message>
    <message>
        <source>Not started yet: to pick; and ship-to-store transfers on their way here, to receive</source>
        <translation>Nog niet begonnen: te picken; en transfers onderweg hierheen, te ontvangen</translation>
    </message>
    <message>
        <source>Being picked: to stage in a bin or to pack; and transfers received, to stage</source>
        <translation>Wordt gepickt: klaar te zetten in een vak of in te pakken; en ontvangen transfers, klaar te zetten</translation>
    </message>
    <message>
        <source>Packed in boxes: buy the labels, then ship</source>
        <translation>Ingepakt in dozen: koop de labels en verzend</translation>
    </message>
    <message>
        <source>All methods</source>
        <translation>Alle methodes</translation>
    </message>
    <message>
        <source>Store pickup</source>
        <translation>Afhalen in de winkel</translation>
    </message>
    <message>
        <source>Ship from store</source>
        <translation>Verzenden vanuit de winkel</translation>
    </message>
    <message>
        <source>Ship to store (outgoing)</source>
        <translation>Verzenden naar een winkel (uitgaand)</translation>
    </message>
    <message>
        <source>Ship-to-store arrivals</source>
        <translation>Binnenkomende transfers</translation>
    </message>
    <message>
        <source>Any service</source>
        <translation>Elke dienst</translation>
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
        <source>Any age</source>
        <translation>Elke leeftijd</translation>
    </message>
    <message>
        <source>Older than 1 hour</source>
        <translation>Ouder dan 1 uur</translation>
    </message>
    <message>
        <source>Older than 4 hours</source>
        <translation>Ouder dan 4 uur</translation>
    </message>
    <message>
        <source>Older than 1 day</source>
        <translation>Ouder dan 1 dag</translation>
    </message>
    <message>
        <source>Older than 3 days</source>
        <translation>Ouder dan 3 dagen</translation>
    </message>
    <message>
        <source>Ship to store</source>
        <translation>Verzenden naar een winkel</translation>
    </message>
    <message>
        <source>Transfer in</source>
        <translation>Inkomende transfer</translation>
    </message>
    <message>
        <source>Transfer out</source>
        <translation>Uitgaande transfer</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestelling</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
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
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Promised</source>
        <translation>Beloofd</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Wacht al</translation>
    </message>
</context>
<context>
    <name>FulfilQueueModel</name>
    <message>
        <source>Time since the order was placed</source>
        <translation>Tijd sinds de bestelling is geplaatst</translation>
    </message>
    <message>
        <source>When the order was promised ready (store time); red once it is late</source>
        <translation>Wanneer de bestelling klaar beloofd is (winkeltijd); rood zodra ze te laat is</translation>
    </message>
    <message>
        <source>Express delivery: the customer paid to have it fast</source>
        <translation>Spoedlevering: de klant heeft betaald voor snelle levering</translation>
    </message>
    <message>
        <source>A change is waiting to be sent to the server</source>
        <translation>Een wijziging is nog niet naar de server verzonden</translation>
    </message>
    <message>
        <source>Held for fraud review: do not pick</source>
        <translation>Vastgehouden voor fraudecontrole: niet picken</translation>
    </message>
    <message>
        <source>Labelled by {carrier}: ready to ship</source>
        <translation>Gelabeld door {carrier}: klaar om te verzenden</translation>
    </message>
    <message>
        <source>No shipping label yet: buy one before shipping</source>
        <translation>Nog geen verzendlabel: koop er een voor het verzenden</translation>
    </message>
    <message>
        <source>Placed {when}</source>
        <translation>Geplaatst {when}</translation>
    </message>
</context>
<context>
    <name>FulfilQueueWords</name>
    <message numerus="yes">
        <source>%n box(es)</source>
        <translation>
            <numerusform>%n doos</numerusform>
            <numerusform>%n dozen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n label(s)</source>
        <translation>
            <numerusform>%n label</numerusform>
            <numerusform>%n labels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FulfilView</name>
    <message>
        <source>that is not a bin label</source>
        <translation>dat is geen vaklabel</translation>
    </message>
    <message>
        <source>that bin label belongs to store {store}</source>
        <translation>dat vaklabel hoort bij winkel {store}</translation>
    </message>
    <message>
        <source>a bin name is 1 to 12 letters, digits or hyphens, such as C-41</source>
        <translation>een vaknaam is 1 tot 12 letters, cijfers of streepjes, zoals C-41</translation>
    </message>
    <message>
        <source>Fulfil</source>
        <translation>Orderverwerking</translation>
    </message>
    <message>
        <source>Show one way of fulfilling only</source>
        <translation>Alleen één manier van verwerken tonen</translation>
    </message>
    <message>
        <source>Method filter</source>
        <translation>Filter op methode</translation>
    </message>
    <message>
        <source>Show orders placed at least this long ago</source>
        <translation>Bestellingen tonen die minstens zo lang geleden geplaatst zijn</translation>
    </message>
    <message>
        <source>Age filter</source>
        <translation>Filter op leeftijd</translation>
    </message>
    <message>
        <source>Show one shipping service only (express: deliver fast)</source>
        <translation>Alleen één verzenddienst tonen (spoed: snel leveren)</translation>
    </message>
    <message>
        <source>Shipping service filter</source>
        <translation>Filter op verzenddienst</translation>
    </message>
    <message>
        <source>Pick selected</source>
        <translation>Selectie picken</translation>
    </message>
    <message>
        <source>Make one pick list for the selected open orders</source>
        <translation>Eén picklijst maken voor de geselecteerde open bestellingen</translation>
    </message>
    <message>
        <source>Ship selected</source>
        <translation>Selectie verzenden</translation>
    </message>
    <message>
        <source>Mark the selected labelled parcels as handed to the carrier</source>
        <translation>De geselecteerde gelabelde pakketten markeren als meegegeven aan de vervoerder</translation>
    </message>
    <message>
        <source>Fulfil queue</source>
        <translation>Wachtrij orderverwerking</translation>
    </message>
    <message>
        <source>Arrows move, Shift or Ctrl with Space selects several, Esc closes the order</source>
        <translation>Pijltjes verplaatsen, Shift of Ctrl met spatie selecteert er meer, Esc sluit de bestelling</translation>
    </message>
    <message>
        <source>‹  Back to the queue</source>
        <translation>‹  Terug naar de wachtrij</translation>
    </message>
    <message>
        <source>Leave the pick list (what is picked stays picked)</source>
        <translation>De picklijst verlaten (wat gepickt is, blijft gepickt)</translation>
    </message>
    <message>
        <source>Nothing new to pick, and no transfer on its way here.</source>
        <translation>Niets nieuws te picken, en geen transfer onderweg hierheen.</translation>
    </message>
    <message>
        <source>Nothing is being picked or waiting to be staged.</source>
        <translation>Er wordt niets gepickt en niets wacht op klaarzetten.</translation>
    </message>
    <message>
        <source>No packed parcels are waiting for the carrier.</source>
        <translation>Er wachten geen ingepakte pakketten op de vervoerder.</translation>
    </message>
    <message>
        <source>No order in {tab} matches the filters.</source>
        <translation>Geen bestelling in {tab} past bij de filters.</translation>
    </message>
    <message>
        <source>{count} in {tab}</source>
        <translation>{count} in {tab}</translation>
    </message>
    <message>
        <source>Found: {found}.</source>
        <translation>Gevonden: {found}.</translation>
    </message>
    <message>
        <source>{count} to start</source>
        <translation>{count} te beginnen</translation>
    </message>
    <message>
        <source>{count} in progress</source>
        <translation>{count} bezig</translation>
    </message>
    <message>
        <source>{count} packed</source>
        <translation>{count} ingepakt</translation>
    </message>
    <message>
        <source>Filtered</source>
        <translation>Gefilterd</translation>
    </message>
    <message>
        <source>{count} late in this tab</source>
        <translation>{count} te laat in dit tabblad</translation>
    </message>
    <message>
        <source>{count} selected</source>
        <translation>{count} geselecteerd</translation>
    </message>
    <message>
        <source>Pick selected ({count})</source>
        <translation>Selectie picken ({count})</translation>
    </message>
    <message>
        <source>Ship selected ({count})</source>
        <translation>Selectie verzenden ({count})</translation>
    </message>
    <message>
        <source>Only parcels with shipping labels can be shipped</source>
        <translation>Alleen pakketten met verzendlabels kunnen verzonden worden</translation>
    </message>
    <message>
        <source>{number} received: put it in a bin and scan the bin label.</source>
        <translation>{number} ontvangen: leg het in een vak en scan het vaklabel.</translation>
    </message>
    <message>
        <source>{number} was not received</source>
        <translation>{number} is niet ontvangen</translation>
    </message>
    <message>
        <source>“{text}” is no bin here: {why}.</source>
        <translation>“{text}” is hier geen vak: {why}.</translation>
    </message>
    <message>
        <source>{number} is ready for pickup in bin {bin}.</source>
        <translation>{number} is klaar om af te halen in vak {bin}.</translation>
    </message>
    <message>
        <source>{number} was not staged</source>
        <translation>{number} is niet klaargezet</translation>
    </message>
    <message numerus="yes">
        <source>{number} packed in %n box(es): buy its labels.</source>
        <translation>
            <numerusform>{number} ingepakt in %n doos: koop de labels.</numerusform>
            <numerusform>{number} ingepakt in %n dozen: koop de labels.</numerusform>
        </translation>
    </message>
    <message>
        <source>{number} was not packed</source>
        <translation>{number} is niet ingepakt</translation>
    </message>
    <message>
        <source>Buy the shipping labels first: nothing was shipped.</source>
        <translation>Koop eerst de verzendlabels: er is niets verzonden.</translation>
    </message>
    <message>
        <source>{number} shipped.</source>
        <translation>{number} verzonden.</translation>
    </message>
    <message numerus="yes">
        <source>%n parcel(s) shipped.</source>
        <translation>
            <numerusform>%n pakket verzonden.</numerusform>
            <numerusform>%n pakketten verzonden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without labels stayed.</source>
        <translation>
            <numerusform>%n zonder labels is gebleven.</numerusform>
            <numerusform>%n zonder labels zijn gebleven.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was shipped</source>
        <translation>Er is niets verzonden</translation>
    </message>
    <message>
        <source>Buy the shipping label first: nothing was dispatched.</source>
        <translation>Koop eerst het verzendlabel: er is niets verstuurd.</translation>
    </message>
    <message>
        <source>{number} dispatched to its store.</source>
        <translation>{number} verstuurd naar de winkel.</translation>
    </message>
    <message>
        <source>{number} was not dispatched</source>
        <translation>{number} is niet verstuurd</translation>
    </message>
    <message>
        <source>Only a lead or a manager may unpack a parcel.</source>
        <translation>Alleen een teamleider of manager mag een pakket uitpakken.</translation>
    </message>
    <message>
        <source>Unpack {number}</source>
        <translation>{number} uitpakken</translation>
    </message>
    <message>
        <source>Why is {number} unpacked? Its boxes are forgotten.</source>
        <translation>Waarom wordt {number} uitgepakt? De dozen worden vergeten.</translation>
    </message>
    <message>
        <source>Unpack</source>
        <translation>Uitpakken</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>{number} unpacked: pack it again.</source>
        <translation>{number} uitgepakt: pak het opnieuw in.</translation>
    </message>
    <message>
        <source>{number} was not unpacked</source>
        <translation>{number} is niet uitgepakt</translation>
    </message>
    <message numerus="yes">
        <source>Picking %n order(s): find them In progress.</source>
        <translation>
            <numerusform>%n bestelling wordt gepickt: je vindt ze onder Bezig.</numerusform>
            <numerusform>%n bestellingen worden gepickt: je vindt ze onder Bezig.</numerusform>
        </translation>
    </message>
    <message>
        <source>Picking did not start</source>
        <translation>Het picken is niet begonnen</translation>
    </message>
    <message>
        <source>No labels for {number} yet.</source>
        <translation>Nog geen labels voor {number}.</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) bought for {number}: print them, then ship.</source>
        <translation>
            <numerusform>%n label gekocht voor {number}: druk het af en verzend.</numerusform>
            <numerusform>%n labels gekocht voor {number}: druk ze af en verzend.</numerusform>
        </translation>
    </message>
    <message>
        <source>No labels for {number}</source>
        <translation>Geen labels voor {number}</translation>
    </message>
    <message>
        <source>The labels of {number} stay valid for now.</source>
        <translation>De labels van {number} blijven voorlopig geldig.</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) of {number} voided: do not use them.</source>
        <translation>
            <numerusform>%n label van {number} ingetrokken: gebruik het niet meer.</numerusform>
            <numerusform>%n labels van {number} ingetrokken: gebruik ze niet meer.</numerusform>
        </translation>
    </message>
    <message>
        <source>The labels of {number} were not voided</source>
        <translation>De labels van {number} zijn niet ingetrokken</translation>
    </message>
    <message>
        <source>Labels need the network: the station is offline. Pack now and buy the label when it is back.</source>
        <translation>Labels hebben het netwerk nodig: het station is offline. Pak nu in en koop het label als het netwerk terug is.</translation>
    </message>
    <message>
        <source>Labels are bought online in your name: sign in again with your PIN while the station is online.</source>
        <translation>Labels worden online op jouw naam gekocht: meld je opnieuw aan met je pincode terwijl het station online is.</translation>
    </message>
    <message>
        <source>The station is still starting — scan again in a moment</source>
        <translation>Het station start nog — scan zo opnieuw</translation>
    </message>
    <message>
        <source>This order cannot be staged now</source>
        <translation>Deze bestelling kan nu niet klaargezet worden</translation>
    </message>
    <message>
        <source>That bin label belongs to store {store}</source>
        <translation>Dat vaklabel hoort bij winkel {store}</translation>
    </message>
    <message>
        <source>The fulfil page takes order codes and bin labels</source>
        <translation>Orderverwerking neemt bestelcodes en vaklabels aan</translation>
    </message>
    <message>
        <source>Order {number} is not at this store.</source>
        <translation>Bestelling {number} is niet in deze winkel.</translation>
    </message>
</context>
<context>
    <name>ManualCountDialog</name>
    <message>
        <source>Count by hand</source>
        <translation>Met de hand tellen</translation>
    </message>
    <message>
        <source>{item} at {location}</source>
        <translation>{item} op {location}</translation>
    </message>
    <message>
        <source>Units picked</source>
        <translation>Gepickte stuks</translation>
    </message>
    <message>
        <source>Not scanned because</source>
        <translation>Niet gescand omdat</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Tellen</translation>
    </message>
</context>
<context>
    <name>PackDialog</name>
    <message>
        <source>Box type</source>
        <translation>Soort doos</translation>
    </message>
    <message>
        <source> kg</source>
        <translation> kg</translation>
    </message>
    <message>
        <source>Weight in kg</source>
        <translation>Gewicht in kg</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Pack {number}</source>
        <translation>{number} inpakken</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s).</source>
        <translation>
            <numerusform>%n artikel.</numerusform>
            <numerusform>%n artikelen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the box each part goes in and weigh it: the carrier charges by weight and size.</source>
        <translation>Kies voor elk deel de doos en weeg hem: de vervoerder rekent op gewicht en formaat.</translation>
    </message>
    <message>
        <source>Add box</source>
        <translation>Doos toevoegen</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>Ingepakt</translation>
    </message>
    <message>
        <source>Box {number}</source>
        <translation>Doos {number}</translation>
    </message>
</context>
<context>
    <name>PackingSlip</name>
    <message>
        <source>Standard</source>
        <translation>Standaard</translation>
    </message>
    <message>
        <source>Express</source>
        <translation>Spoed</translation>
    </message>
    <message>
        <source>{items} in {boxes}</source>
        <translation>{items} in {boxes}</translation>
    </message>
    <message>
        <source>Packing slip {number} (continued)</source>
        <translation>Pakbon {number} (vervolg)</translation>
    </message>
    <message>
        <source>{number} · page {page}</source>
        <translation>{number} · pagina {page}</translation>
    </message>
    <message>
        <source>PACKING SLIP</source>
        <translation>PAKBON</translation>
    </message>
    <message>
        <source>Scan for returns</source>
        <translation>Scan voor retour</translation>
    </message>
    <message>
        <source>Ordered {date}</source>
        <translation>Besteld {date}</translation>
    </message>
    <message>
        <source>via {channel}</source>
        <translation>via {channel}</translation>
    </message>
    <message>
        <source>Customer: {name}</source>
        <translation>Klant: {name}</translation>
    </message>
    <message>
        <source>Carrier to be chosen</source>
        <translation>Vervoerder nog te kiezen</translation>
    </message>
    <message>
        <source>{service} delivery</source>
        <translation>Levering: {service}</translation>
    </message>
    <message>
        <source>SHIP TO</source>
        <translation>VERZENDEN NAAR</translation>
    </message>
    <message>
        <source>ORDER</source>
        <translation>BESTELLING</translation>
    </message>
    <message>
        <source>SHIPPING</source>
        <translation>VERZENDING</translation>
    </message>
    <message>
        <source>QTY</source>
        <translation>AANTAL</translation>
    </message>
    <message>
        <source>ITEM</source>
        <translation>ARTIKEL</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Box {number} of {count}</source>
        <translation>Doos {number} van {count}</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artikelen</translation>
    </message>
    <message>
        <source>Box {number} of {count}: {box}</source>
        <translation>Doos {number} van {count}: {box}</translation>
    </message>
    <message>
        <source>Something missing or damaged? Keep this slip and scan the code above, or show it at any of our stores.</source>
        <translation>Mist er iets of is iets beschadigd? Bewaar deze pakbon en scan de code hierboven, of laat hem zien in een van onze winkels.</translation>
    </message>
    <message>
        <source>Returns are free within 30 days.</source>
        <translation>Retourneren is gratis binnen 30 dagen.</translation>
    </message>
    <message>
        <source>Packing slip {number}</source>
        <translation>Pakbon {number}</translation>
    </message>
</context>
<context>
    <name>PackingSlipWords</name>
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
    <name>PickListModel</name>
    <message>
        <source>Item has no barcode</source>
        <translation>Artikel heeft geen barcode</translation>
    </message>
    <message>
        <source>Barcode damaged or unreadable</source>
        <translation>Barcode beschadigd of onleesbaar</translation>
    </message>
    <message>
        <source>Scanner not working</source>
        <translation>Scanner werkt niet</translation>
    </message>
    <message>
        <source>Too bulky to scan</source>
        <translation>Te groot om te scannen</translation>
    </message>
    <message>
        <source>All {count} already picked</source>
        <translation>Alle {count} zijn al gepickt</translation>
    </message>
    <message>
        <source>Only {count} more for {order} (tote {tote})</source>
        <translation>Nog maar {count} voor {order} (bak {tote})</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Locatie</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Orders · totes</source>
        <translation>Bestellingen · bakken</translation>
    </message>
    <message>
        <source>Picked</source>
        <translation>Gepickt</translation>
    </message>
    <message>
        <source>({count} rejected)</source>
        <translation>({count} afgewezen)</translation>
    </message>
    <message>
        <source>{sku} · {department} · barcode {barcode}</source>
        <translation>{sku} · {department} · barcode {barcode}</translation>
    </message>
    <message>
        <source>{count} to pick</source>
        <translation>{count} te picken</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Afgewezen</translation>
    </message>
    <message>
        <source>✓ Picked, {count} rejected</source>
        <translation>✓ Gepickt, {count} afgewezen</translation>
    </message>
    <message>
        <source>✓ Picked</source>
        <translation>✓ Gepickt</translation>
    </message>
</context>
<context>
    <name>PickSheet</name>
    <message>
        <source>Store pickup</source>
        <translation>Afhalen in de winkel</translation>
    </message>
    <message>
        <source>Ship from store</source>
        <translation>Verzenden vanuit de winkel</translation>
    </message>
    <message>
        <source>Ship to store</source>
        <translation>Verzenden naar een winkel</translation>
    </message>
    <message>
        <source>PICK LIST</source>
        <translation>PICKLIJST</translation>
    </message>
    <message>
        <source>{name} · store {code}</source>
        <translation>{name} · winkel {code}</translation>
    </message>
    <message>
        <source>PICKER</source>
        <translation>PICKER</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>GEMAAKT</translation>
    </message>
    <message>
        <source>ORDERS</source>
        <translation>BESTELLINGEN</translation>
    </message>
    <message>
        <source>UNITS</source>
        <translation>STUKS</translation>
    </message>
    <message>
        <source>STOPS</source>
        <translation>PLEKKEN</translation>
    </message>
    <message>
        <source>TOTES</source>
        <translation>BAKKEN</translation>
    </message>
    <message>
        <source>by {when}</source>
        <translation>uiterlijk {when}</translation>
    </message>
    <message>
        <source>PICK LIST {id} · {store}</source>
        <translation>PICKLIJST {id} · {store}</translation>
    </message>
    <message>
        <source>LOCATION</source>
        <translation>LOCATIE</translation>
    </message>
    <message>
        <source>ITEM</source>
        <translation>ARTIKEL</translation>
    </message>
    <message>
        <source>BARCODE</source>
        <translation>BARCODE</translation>
    </message>
    <message>
        <source>QTY</source>
        <translation>AANTAL</translation>
    </message>
    <message>
        <source>TOTE · ORDER · UNITS</source>
        <translation>BAK · BESTELLING · STUKS</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Overig</translation>
    </message>
    <message>
        <source>(continued)</source>
        <translation>(vervolg)</translation>
    </message>
    <message>
        <source>{id} · {store} · picker {name}</source>
        <translation>{id} · {store} · picker {name}</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Pagina {page} van {pages}</translation>
    </message>
    <message>
        <source>Nothing to pick.</source>
        <translation>Niets te picken.</translation>
    </message>
    <message>
        <source>Pick list {id}</source>
        <translation>Picklijst {id}</translation>
    </message>
    <message>
        <source>Pick list</source>
        <translation>Picklijst</translation>
    </message>
</context>
<context>
    <name>PickSheetWords</name>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n stuk</numerusform>
            <numerusform>%n stuks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stop(s)</source>
        <translation>
            <numerusform>%n plek</numerusform>
            <numerusform>%n plekken</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PickView</name>
    <message>
        <source>Pick list</source>
        <translation>Picklijst</translation>
    </message>
    <message>
        <source>Picking progress</source>
        <translation>Voortgang picken</translation>
    </message>
    <message>
        <source>Print pick list</source>
        <translation>Picklijst afdrukken</translation>
    </message>
    <message>
        <source>Finish picking</source>
        <translation>Picken afronden</translation>
    </message>
    <message>
        <source>Scan each item as you pick it.</source>
        <translation>Scan elk artikel terwijl je het pickt.</translation>
    </message>
    <message>
        <source>Count by hand…</source>
        <translation>Met de hand tellen…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Afwijzen…</translation>
    </message>
    <message>
        <source>Pick list stops</source>
        <translation>Plekken op de picklijst</translation>
    </message>
    <message>
        <source>Arrows choose the stop; scan each item, or count or reject it by hand</source>
        <translation>Pijltjes kiezen de plek; scan elk artikel, of tel of wijs het af met de hand</translation>
    </message>
    <message>
        <source>Reading the orders…</source>
        <translation>Bestellingen lezen…</translation>
    </message>
    <message>
        <source>Store {id}</source>
        <translation>Winkel {id}</translation>
    </message>
    <message>
        <source>{number} cannot be picked: {why}</source>
        <translation>{number} kan niet gepickt worden: {why}</translation>
    </message>
    <message numerus="yes">
        <source>%n of the chosen orders have nothing to pick here.</source>
        <translation>
            <numerusform>%n van de gekozen bestellingen heeft hier niets te picken.</numerusform>
            <numerusform>%n van de gekozen bestellingen hebben hier niets te picken.</numerusform>
        </translation>
    </message>
    <message>
        <source>The pick list could not be read.</source>
        <translation>De picklijst kon niet gelezen worden.</translation>
    </message>
    <message>
        <source>No pick list yet: choose orders in the fulfil queue.</source>
        <translation>Nog geen picklijst: kies bestellingen in de wachtrij van Orderverwerking.</translation>
    </message>
    <message>
        <source>Pick list {id}</source>
        <translation>Picklijst {id}</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n bestelling</numerusform>
            <numerusform>%n bestellingen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n stuk</numerusform>
            <numerusform>%n stuks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stop(s)</source>
        <translation>
            <numerusform>%n plek</numerusform>
            <numerusform>%n plekken</numerusform>
        </translation>
    </message>
    <message>
        <source>picker {name}</source>
        <translation>picker {name}</translation>
    </message>
    <message>
        <source>{picked} of {total} picked</source>
        <translation>{picked} van {total} gepickt</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) left to pick or reject</source>
        <translation>
            <numerusform>Nog %n stuk te picken of af te wijzen</numerusform>
            <numerusform>Nog %n stuks te picken of af te wijzen</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything is picked.</source>
        <translation>Alles is gepickt.</translation>
    </message>
    <message>
        <source>Press Finish picking, then stage or pack the orders.</source>
        <translation>Druk op Picken afronden en zet de bestellingen daarna klaar of pak ze in.</translation>
    </message>
    <message>
        <source>All {count} picked here.</source>
        <translation>Alle {count} zijn hier gepickt.</translation>
    </message>
    <message>
        <source>Put {count} in tote {tote} ({order})</source>
        <translation>Leg {count} in bak {tote} ({order})</translation>
    </message>
    <message>
        <source>{count} to pick here</source>
        <translation>{count} hier te picken</translation>
    </message>
    <message>
        <source>{department} · scan each item (barcode {barcode})</source>
        <translation>{department} · scan elk artikel (barcode {barcode})</translation>
    </message>
    <message>
        <source>Done here: go to the next stop.</source>
        <translation>Klaar hier: ga naar de volgende plek.</translation>
    </message>
    <message>
        <source>The pick list is still loading — scan again in a moment</source>
        <translation>De picklijst laadt nog — scan zo opnieuw</translation>
    </message>
    <message>
        <source>Finish this pick list before opening another order</source>
        <translation>Rond deze picklijst af voordat je een andere bestelling opent</translation>
    </message>
    <message>
        <source>{order} goes in tote {tote}: scan its items</source>
        <translation>{order} gaat in bak {tote}: scan de artikelen</translation>
    </message>
    <message>
        <source>Scan the item&apos;s barcode</source>
        <translation>Scan de barcode van het artikel</translation>
    </message>
    <message>
        <source>That item is not on this pick list.</source>
        <translation>Dat artikel staat niet op deze picklijst.</translation>
    </message>
    <message>
        <source>✓ {item} → tote {tote} ({order}) · {picked} of {wanted}</source>
        <translation>✓ {item} → bak {tote} ({order}) · {picked} van {wanted}</translation>
    </message>
    <message>
        <source>Nothing is left to pick: press Finish picking.</source>
        <translation>Er is niets meer te picken: druk op Picken afronden.</translation>
    </message>
    <message>
        <source>Expected: {item} at {location}.</source>
        <translation>Verwacht: {item} op {location}.</translation>
    </message>
    <message>
        <source>That barcode is not in the catalogue.</source>
        <translation>Die barcode staat niet in de catalogus.</translation>
    </message>
    <message>
        <source>That is {name} ({sku}).</source>
        <translation>Dat is {name} ({sku}).</translation>
    </message>
    <message>
        <source>✓ {count} × {item} counted by hand → tote {totes}</source>
        <translation>✓ {count} × {item} met de hand geteld → bak {totes}</translation>
    </message>
    <message>
        <source>{count} × {item} of {order} rejected ({reason}): sent to head office when you finish.</source>
        <translation>{count} × {item} van {order} afgewezen ({reason}): gaat naar het hoofdkantoor als je afrondt.</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) left to pick or reject.</source>
        <translation>
            <numerusform>Nog %n stuk te picken of af te wijzen.</numerusform>
            <numerusform>Nog %n stuks te picken of af te wijzen.</numerusform>
        </translation>
    </message>
    <message>
        <source>A reject was not sent: {why}</source>
        <translation>Een afwijzing is niet verzonden: {why}</translation>
    </message>
    <message numerus="yes">
        <source>Picked %n unit(s).</source>
        <translation>
            <numerusform>%n stuk gepickt.</numerusform>
            <numerusform>%n stuks gepickt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pick list {id} done: {picked} picked, {rejected} rejected.</source>
        <translation>Picklijst {id} klaar: {picked} gepickt, {rejected} afgewezen.</translation>
    </message>
    <message>
        <source>The pick list could not be printed: {why}</source>
        <translation>De picklijst kon niet afgedrukt worden: {why}</translation>
    </message>
    <message>
        <source>Pick list · {id}</source>
        <translation>Picklijst · {id}</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(standaard)</translation>
    </message>
</context>
<context>
    <name>ProductPanel</name>
    <message>
        <source>batch {batch}</source>
        <translation>partij {batch}</translation>
    </message>
    <message>
        <source>expires {date}</source>
        <translation>houdbaar tot {date}</translation>
    </message>
    <message>
        <source>serial {serial}</source>
        <translation>serienummer {serial}</translation>
    </message>
    <message>
        <source>SCANNED PRODUCT</source>
        <translation>GESCAND PRODUCT</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>NEARBY STORES WITH STOCK</source>
        <translation>WINKELS IN DE BUURT MET VOORRAAD</translation>
    </message>
    <message>
        <source>Open in Stock  →</source>
        <translation>Openen in Voorraad  →</translation>
    </message>
    <message>
        <source>Every barcode, nearby stores&apos; opening hours, and more</source>
        <translation>Alle barcodes, openingstijden van winkels in de buurt, en meer</translation>
    </message>
    <message>
        <source>Here ({store})</source>
        <translation>Hier ({store})</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>This store does not stock it.</source>
        <translation>Deze winkel voert het niet.</translation>
    </message>
    <message>
        <source>Not stocked</source>
        <translation>Niet in assortiment</translation>
    </message>
    <message>
        <source>available · {on_hand} on hand, {reserved} reserved</source>
        <translation>beschikbaar · {on_hand} aanwezig, {reserved} gereserveerd</translation>
    </message>
    <message>
        <source>{count} safety stock</source>
        <translation>{count} veiligheidsvoorraad</translation>
    </message>
    <message>
        <source>includes changes not yet sent</source>
        <translation>inclusief wijzigingen die nog niet verzonden zijn</translation>
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
        <source>In stock</source>
        <translation>Op voorraad</translation>
    </message>
    <message>
        <source>Store {id}</source>
        <translation>Winkel {id}</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <source>Reject</source>
        <translation>Afwijzen</translation>
    </message>
    <message>
        <source>Reject {item} at {location}</source>
        <translation>{item} op {location} afwijzen</translation>
    </message>
    <message>
        <source>The store hands these units back: head office sends them from another store, or tells the customer they cannot be supplied.</source>
        <translation>De winkel geeft deze stuks terug: het hoofdkantoor stuurt ze vanuit een andere winkel, of laat de klant weten dat ze niet leverbaar zijn.</translation>
    </message>
    <message>
        <source>This store rejects whole lines only.</source>
        <translation>Deze winkel wijst alleen hele regels af.</translation>
    </message>
    <message>
        <source>Tote {tote} · {order} · {count} ordered</source>
        <translation>Bak {tote} · {order} · {count} besteld</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestelling</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Stuks</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Put the {count} picked back on the shelf.</source>
        <translation>Zet de {count} gepickte terug in het schap.</translation>
    </message>
</context>
<context>
    <name>ScanLogModel</name>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Ontvangen</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Snelheid</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Betekenis</translation>
    </message>
    <message>
        <source>Went to</source>
        <translation>Ging naar</translation>
    </message>
    <message>
        <source>{count} characters</source>
        <translation>{count} tekens</translation>
    </message>
    <message>
        <source>{count}, probably {symbology}</source>
        <translation>{count}, waarschijnlijk {symbology}</translation>
    </message>
</context>
<context>
    <name>ScanLogWidget</name>
    <message>
        <source>Scan something: every scan shows here as it arrived — each character (control characters as tags: GS between GS1 fields, CR for Enter), how fast the characters came, what it means and where it went.</source>
        <translation>Scan iets: elke scan verschijnt hier zoals hij binnenkwam — elk teken (stuurtekens als labeltjes: GS tussen GS1-velden, CR voor Enter), hoe snel de tekens kwamen, wat het betekent en waar het heen ging.</translation>
    </message>
    <message>
        <source>Scan log</source>
        <translation>Scanlogboek</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Wissen</translation>
    </message>
</context>
<context>
    <name>ScanRouter</name>
    <message>
        <source>A bin label is scanned while staging an order — open the order first</source>
        <translation>Een vaklabel scan je bij het klaarzetten van een bestelling — open eerst de bestelling</translation>
    </message>
    <message>
        <source>No product lookup here</source>
        <translation>Hier kun je geen product opzoeken</translation>
    </message>
    <message>
        <source>Orders cannot be opened here</source>
        <translation>Hier kun je geen bestelling openen</translation>
    </message>
    <message>
        <source>Badges are scanned on the sign-in screen</source>
        <translation>Personeelspassen scan je op het aanmeldscherm</translation>
    </message>
    <message>
        <source>Sign in first: scan your badge, or type your username and PIN</source>
        <translation>Meld je eerst aan: scan je personeelspas of typ je gebruikersnaam en pincode</translation>
    </message>
</context>
<context>
    <name>ScanTarget</name>
    <message>
        <source>Pickups</source>
        <translation>Afhalen</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>Uitgifte</translation>
    </message>
    <message>
        <source>Fulfil</source>
        <translation>Orderverwerking</translation>
    </message>
    <message>
        <source>Picking</source>
        <translation>Picken</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellingen</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Voorraad</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Telling</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Aanmelden</translation>
    </message>
    <message>
        <source>Conflict inbox</source>
        <translation>Conflicten</translation>
    </message>
    <message>
        <source>Manager approval</source>
        <translation>Goedkeuring manager</translation>
    </message>
    <message>
        <source>Scanner settings</source>
        <translation>Scannerinstellingen</translation>
    </message>
</context>
<context>
    <name>ScanWords</name>
    <message>
        <source>check digit should be {ean} (EAN-8) or {upc} (UPC-E), not {actual}</source>
        <translation>controlecijfer moet {ean} (EAN-8) of {upc} (UPC-E) zijn, niet {actual}</translation>
    </message>
    <message>
        <source>check digit should be {expected}, not {actual}</source>
        <translation>controlecijfer moet {expected} zijn, niet {actual}</translation>
    </message>
    <message>
        <source>GTIN needs 8, 12, 13 or 14 digits, got {count}</source>
        <translation>een GTIN heeft 8, 12, 13 of 14 cijfers, dit zijn er {count}</translation>
    </message>
    <message>
        <source>contains the control character U+{code}</source>
        <translation>bevat het stuurteken U+{code}</translation>
    </message>
    <message>
        <source>{char} is not in any barcode we read; check the scanner&apos;s keyboard layout</source>
        <translation>{char} komt in geen enkele barcode voor; controleer de toetsenbordindeling van de scanner</translation>
    </message>
    <message>
        <source>GS1 code carries no GTIN (AI 01); it is a shipping label (SSCC)</source>
        <translation>GS1-code zonder GTIN (AI 01); het is een verzendlabel (SSCC)</translation>
    </message>
    <message>
        <source>no GS1 application identifier at {text}</source>
        <translation>geen GS1-toepassingsidentificatie bij {text}</translation>
    </message>
    <message>
        <source>GS1 field ({ai}) {title} has an invalid value {value} (expected {format})</source>
        <translation>GS1-veld ({ai}) {title} heeft een ongeldige waarde {value} (verwacht: {format})</translation>
    </message>
    <message>
        <source>GS1 field ({ai}) appears twice with different values</source>
        <translation>GS1-veld ({ai}) komt twee keer voor met verschillende waarden</translation>
    </message>
    <message>
        <source>symbology ]{symbology} does not carry a plain GTIN</source>
        <translation>symbologie ]{symbology} bevat geen gewone GTIN</translation>
    </message>
    <message>
        <source>unknown OMS code type {kind}</source>
        <translation>onbekende soort OMS-code {kind}</translation>
    </message>
    <message>
        <source>a GTIN payload has 7, 11, 12 or 13 digits, got {count}</source>
        <translation>een GTIN heeft 7, 11, 12 of 13 cijfers zonder controlecijfer, dit zijn er {count}</translation>
    </message>
    <message>
        <source>the scan was cut off (no {ends} at the end)</source>
        <translation>de scan is afgebroken (geen {ends} aan het eind)</translation>
    </message>
    <message>
        <source>or</source>
        <translation>of</translation>
    </message>
    <message>
        <source>the scanner sent keys that are not characters: {keys}</source>
        <translation>de scanner stuurde toetsen die geen tekens zijn: {keys}</translation>
    </message>
    <message>
        <source>no line ending ({ending}) within {seconds} s — check the scanner&apos;s suffix setting</source>
        <translation>geen regeleinde ({ending}) binnen {seconds} s — controleer de achtervoegselinstelling van de scanner</translation>
    </message>
    <message>
        <source>nothing was scanned</source>
        <translation>er is niets gescand</translation>
    </message>
    <message>
        <source>not a product barcode or an OMS code</source>
        <translation>geen productbarcode en geen OMS-code</translation>
    </message>
    <message>
        <source>a GTIN cannot be all zeros</source>
        <translation>een GTIN kan niet alleen uit nullen bestaan</translation>
    </message>
    <message>
        <source>a GTIN has digits only</source>
        <translation>een GTIN bestaat alleen uit cijfers</translation>
    </message>
    <message>
        <source>a GTIN payload has digits only</source>
        <translation>een GTIN bestaat alleen uit cijfers</translation>
    </message>
    <message>
        <source>a UPC-E code starts with 0 or 1</source>
        <translation>een UPC-E-code begint met 0 of 1</translation>
    </message>
    <message>
        <source>OMS code has no type (O, B or S)</source>
        <translation>OMS-code zonder soort (O, B of S)</translation>
    </message>
    <message>
        <source>an order code is OMS:O:&lt;order number&gt;[:&lt;pickup code&gt;]</source>
        <translation>een bestelcode is OMS:O:&lt;bestelnummer&gt;[:&lt;afhaalcode&gt;]</translation>
    </message>
    <message>
        <source>a bin label is OMS:B:&lt;store code&gt;:&lt;bin&gt;</source>
        <translation>een vaklabel is OMS:B:&lt;winkelcode&gt;:&lt;vak&gt;</translation>
    </message>
    <message>
        <source>a staff badge is OMS:S:&lt;badge id&gt;</source>
        <translation>een personeelspas is OMS:S:&lt;pasnummer&gt;</translation>
    </message>
    <message>
        <source>GS1 code carries no GTIN (AI 01)</source>
        <translation>GS1-code zonder GTIN (AI 01)</translation>
    </message>
    <message>
        <source>GS1 text should look like (01)09501101530003(17)251231</source>
        <translation>GS1-tekst moet eruitzien als (01)09501101530003(17)251231</translation>
    </message>
    <message>
        <source>web address is not a GS1 Digital Link of a product</source>
        <translation>webadres is geen GS1 Digital Link van een product</translation>
    </message>
    <message>
        <source>starts with &apos;]&apos; but has no valid symbology identifier</source>
        <translation>begint met &apos;]&apos; maar heeft geen geldige symbologie-aanduiding</translation>
    </message>
    <message>
        <source>nothing follows the symbology identifier</source>
        <translation>na de symbologie-aanduiding komt niets</translation>
    </message>
    <message>
        <source>the port went away before the line ended</source>
        <translation>de poort viel weg voordat de regel af was</translation>
    </message>
    <message>
        <source>a GTIN-13 payload is 12 digits</source>
        <translation>een GTIN-13 heeft 12 cijfers zonder controlecijfer</translation>
    </message>
    <message>
        <source>order number should be 2-4 capital letters, a hyphen and 5-10 digits (WEB-1000234)</source>
        <translation>een bestelnummer is 2-4 hoofdletters, een streepje en 5-10 cijfers (WEB-1000234)</translation>
    </message>
    <message>
        <source>pickup code must be 6 digits</source>
        <translation>een afhaalcode is 6 cijfers</translation>
    </message>
    <message>
        <source>store code must be 2-8 capital letters or digits</source>
        <translation>een winkelcode is 2-8 hoofdletters of cijfers</translation>
    </message>
    <message>
        <source>bin must be 1-12 capital letters, digits or hyphens, starting with a letter or digit</source>
        <translation>een vak is 1-12 hoofdletters, cijfers of streepjes en begint met een letter of cijfer</translation>
    </message>
    <message>
        <source>badge id must be 4-16 capital letters or digits</source>
        <translation>een pasnummer is 4-16 hoofdletters of cijfers</translation>
    </message>
    <message>
        <source>{title}: {detail}</source>
        <translation>{title}: {detail}</translation>
    </message>
    <message>
        <source>Product {kind} {digits} (or UPC-E, GTIN {alternative})</source>
        <translation>Product {kind} {digits} (of UPC-E, GTIN {alternative})</translation>
    </message>
    <message>
        <source>Product {kind} {digits}</source>
        <translation>Product {kind} {digits}</translation>
    </message>
    <message>
        <source>Product GTIN {gtin}</source>
        <translation>Product GTIN {gtin}</translation>
    </message>
    <message>
        <source>batch {batch}</source>
        <translation>partij {batch}</translation>
    </message>
    <message>
        <source>expiry {date}</source>
        <translation>houdbaar tot {date}</translation>
    </message>
    <message>
        <source>serial {serial}</source>
        <translation>serienummer {serial}</translation>
    </message>
    <message>
        <source>Order {number}</source>
        <translation>Bestelling {number}</translation>
    </message>
    <message>
        <source>Pickup QR of order {number} (code {code})</source>
        <translation>Afhaal-QR van bestelling {number} (code {code})</translation>
    </message>
    <message>
        <source>Bin {bin} of store {store}</source>
        <translation>Vak {bin} van winkel {store}</translation>
    </message>
    <message>
        <source>Staff badge {badge}</source>
        <translation>Personeelspas {badge}</translation>
    </message>
    <message>
        <source>view</source>
        <translation>scherm</translation>
    </message>
    <message>
        <source>open order</source>
        <translation>bestelling openen</translation>
    </message>
    <message>
        <source>sign in</source>
        <translation>aanmelden</translation>
    </message>
    <message>
        <source>product panel</source>
        <translation>productpaneel</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>geweigerd</translation>
    </message>
    <message>
        <source>bad scan</source>
        <translation>foute scan</translation>
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
        <source>mean {mean} ms, max {max} ms</source>
        <translation>gemiddeld {mean} ms, max. {max} ms</translation>
    </message>
    <message>
        <source>No timings (typed, or one chunk from the port)</source>
        <translation>Geen tijden (getypt, of in één keer van de poort)</translation>
    </message>
    <message>
        <source>Time between characters (ms): {gaps}</source>
        <translation>Tijd tussen tekens (ms): {gaps}</translation>
    </message>
</context>
<context>
    <name>_Stepper</name>
    <message>
        <source>One fewer</source>
        <translation>Eén minder</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Stuks</translation>
    </message>
    <message>
        <source>One more</source>
        <translation>Eén meer</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CountView</name>
    <message numerus="yes">
        <source>units · %n item(s) counted</source>
        <translation>
            <numerusform>units · %n item counted</numerusform>
            <numerusform>units · %n items counted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) counted</source>
        <translation>
            <numerusform>%n unit counted</numerusform>
            <numerusform>%n units counted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Submitting sends %n stock count(s); the server applies each against the sales and receipts since the item was counted.</source>
        <translation>
            <numerusform>Submitting sends %n stock count; the server applies each against the sales and receipts since the item was counted.</numerusform>
            <numerusform>Submitting sends %n stock counts; the server applies each against the sales and receipts since the item was counted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Count submitted: %n stock count(s) queued for the server.</source>
        <translation>
            <numerusform>Count submitted: %n stock count queued for the server.</numerusform>
            <numerusform>Count submitted: %n stock counts queued for the server.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) not found counted as 0.</source>
        <translation>
            <numerusform>%n item not found counted as 0.</numerusform>
            <numerusform>%n items not found counted as 0.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stock count(s) queued</source>
        <translation>
            <numerusform>%n stock count queued</numerusform>
            <numerusform>%n stock counts queued</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to send</source>
        <translation>
            <numerusform>%n waiting to send</numerusform>
            <numerusform>%n waiting to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n line(s) to {file}.</source>
        <translation>
            <numerusform>Exported %n line to {file}.</numerusform>
            <numerusform>Exported %n lines to {file}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InventoryView</name>
    <message numerus="yes">
        <source>units in %n line(s)</source>
        <translation>
            <numerusform>units in %n line</numerusform>
            <numerusform>units in %n lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to {file}</source>
        <translation>
            <numerusform>Exported %n row to {file}</numerusform>
            <numerusform>Exported %n rows to {file}</numerusform>
        </translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>OrderDetailPanel</name>
    <message numerus="yes">
        <source>%n change(s) waiting to send</source>
        <translation>
            <numerusform>%n change waiting to send</numerusform>
            <numerusform>%n changes waiting to send</numerusform>
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
        <source>&lt;b&gt;The server refused a change&lt;/b&gt;: {why} (and %n more in the Conflicts inbox)</source>
        <translation>
            <numerusform>&lt;b&gt;The server refused a change&lt;/b&gt;: {why} (and %n more in the Conflicts inbox)</numerusform>
            <numerusform>&lt;b&gt;The server refused a change&lt;/b&gt;: {why} (and %n more in the Conflicts inbox)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message numerus="yes">
        <source>%n order(s) in this store (the newest 50)</source>
        <translation>
            <numerusform>%n order in this store (the newest 50)</numerusform>
            <numerusform>%n orders in this store (the newest 50)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) in this store</source>
        <translation>
            <numerusform>%n order in this store</numerusform>
            <numerusform>%n orders in this store</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) (the newest 50)</source>
        <translation>
            <numerusform>%n order (the newest 50)</numerusform>
            <numerusform>%n orders (the newest 50)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) in all stores</source>
        <translation>
            <numerusform>%n order in all stores</numerusform>
            <numerusform>%n orders in all stores</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message numerus="yes">
        <source>TIMELINE · %n EVENT(S)</source>
        <translation>
            <numerusform>TIMELINE · %n EVENT</numerusform>
            <numerusform>TIMELINE · %n EVENTS</numerusform>
        </translation>
    </message>
</context>
</TS>

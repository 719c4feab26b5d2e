<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ConflictsView</name>
    <message numerus="yes">
        <source>%n change(s) the server refused · look at each one and acknowledge it</source>
        <translation>
            <numerusform>%n change the server refused · look at each one and acknowledge it</numerusform>
            <numerusform>%n changes the server refused · look at each one and acknowledge it</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message numerus="yes">
        <source>Hand over %n item(s)</source>
        <translation>
            <numerusform>Hand over %n item</numerusform>
            <numerusform>Hand over %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✓ All %n item(s) scanned</source>
        <translation>
            <numerusform>✓ All %n item scanned</numerusform>
            <numerusform>✓ All %n items scanned</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PickupsView</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Plurals</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n box(es)</source>
        <translation>
            <numerusform>%n box</numerusform>
            <numerusform>%n boxes</numerusform>
        </translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>FulfilQueueWords</name>
    <message numerus="yes">
        <source>%n box(es)</source>
        <translation>
            <numerusform>%n box</numerusform>
            <numerusform>%n boxes</numerusform>
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
    <message numerus="yes">
        <source>{number} packed in %n box(es): buy its labels.</source>
        <translation>
            <numerusform>{number} packed in %n box: buy its labels.</numerusform>
            <numerusform>{number} packed in %n boxes: buy its labels.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n parcel(s) shipped.</source>
        <translation>
            <numerusform>%n parcel shipped.</numerusform>
            <numerusform>%n parcels shipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without labels stayed.</source>
        <translation>
            <numerusform>%n without labels stayed.</numerusform>
            <numerusform>%n without labels stayed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Picking %n order(s): find them In progress.</source>
        <translation>
            <numerusform>Picking %n order: find them In progress.</numerusform>
            <numerusform>Picking %n orders: find them In progress.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) bought for {number}: print them, then ship.</source>
        <translation>
            <numerusform>%n label bought for {number}: print them, then ship.</numerusform>
            <numerusform>%n labels bought for {number}: print them, then ship.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) of {number} voided: do not use them.</source>
        <translation>
            <numerusform>%n label of {number} voided: do not use them.</numerusform>
            <numerusform>%n labels of {number} voided: do not use them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackDialog</name>
    <message numerus="yes">
        <source>%n item(s).</source>
        <translation>
            <numerusform>%n item.</numerusform>
            <numerusform>%n items.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackingSlipWords</name>
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
<context>
    <name>PickSheetWords</name>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n unit</numerusform>
            <numerusform>%n units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stop(s)</source>
        <translation>
            <numerusform>%n stop</numerusform>
            <numerusform>%n stops</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PickView</name>
    <message numerus="yes">
        <source>%n of the chosen orders have nothing to pick here.</source>
        <translation>
            <numerusform>%n of the chosen orders have nothing to pick here.</numerusform>
            <numerusform>%n of the chosen orders have nothing to pick here.</numerusform>
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
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n unit</numerusform>
            <numerusform>%n units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stop(s)</source>
        <translation>
            <numerusform>%n stop</numerusform>
            <numerusform>%n stops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) left to pick or reject</source>
        <translation>
            <numerusform>%n unit left to pick or reject</numerusform>
            <numerusform>%n units left to pick or reject</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) left to pick or reject.</source>
        <translation>
            <numerusform>%n unit left to pick or reject.</numerusform>
            <numerusform>%n units left to pick or reject.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Picked %n unit(s).</source>
        <translation>
            <numerusform>Picked %n unit.</numerusform>
            <numerusform>Picked %n units.</numerusform>
        </translation>
    </message>
</context>
</TS>

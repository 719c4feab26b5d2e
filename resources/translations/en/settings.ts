<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>SettingsDialog</name>
    <message numerus="yes">
        <source>%n character(s):</source>
        <translation>
            <numerusform>%n character:</numerusform>
            <numerusform>%n characters:</numerusform>
        </translation>
    </message>
</context>
</TS>

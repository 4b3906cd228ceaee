<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="lv" sourcelanguage="lv">
<context>
    <name>CataloguePage</name>
    <message numerus="yes">
        <location filename="../views/catalogue_page.py" line="481"/>
        <source>%n resursi</source>
        <translation>
            <numerusform>%n resurss</numerusform>
            <numerusform>%n resursi</numerusform>
            <numerusform>%n resursi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/catalogue_page.py" line="674"/>
        <source>Importēti %n resursi; tie tiks nosūtīti centrālajam servisam nākamajā sinhronizācijā.</source>
        <translation>
            <numerusform>Importēts %n resurss; tas tiks nosūtīts centrālajam servisam nākamajā sinhronizācijā.</numerusform>
            <numerusform>Importēti %n resursi; tie tiks nosūtīti centrālajam servisam nākamajā sinhronizācijā.</numerusform>
            <numerusform>Importēti %n resursi; tie tiks nosūtīti centrālajam servisam nākamajā sinhronizācijā.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/catalogue_page.py" line="691"/>
        <source>Eksportēti %n resursi</source>
        <translation>
            <numerusform>Eksportēts %n resurss</numerusform>
            <numerusform>Eksportēti %n resursi</numerusform>
            <numerusform>Eksportēti %n resursi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/catalogue_page.py" line="716"/>
        <source>%n uzlīmes saglabātas</source>
        <translation>
            <numerusform>%n uzlīme saglabāta</numerusform>
            <numerusform>%n uzlīmes saglabātas</numerusform>
            <numerusform>%n uzlīmes saglabātas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message numerus="yes">
        <location filename="../views/conflicts_panel.py" line="768"/>
        <source>Aiz šī lēmuma gaida vēl %n darbības ar to pašu ierakstu. Piemērojot vēlreiz, arī tās tiks veiktas vēlreiz tādā pašā secībā; atmetot tiks atmestas arī tās.</source>
        <translation>
            <numerusform>Aiz šī lēmuma gaida vēl %n darbība ar to pašu ierakstu. Piemērojot vēlreiz, arī tā tiks veikta vēlreiz; atmetot tiks atmesta arī tā.</numerusform>
            <numerusform>Aiz šī lēmuma gaida vēl %n darbības ar to pašu ierakstu. Piemērojot vēlreiz, arī tās tiks veiktas vēlreiz tādā pašā secībā; atmetot tiks atmestas arī tās.</numerusform>
            <numerusform>Aiz šī lēmuma gaida vēl %n darbības ar to pašu ierakstu. Piemērojot vēlreiz, arī tās tiks veiktas vēlreiz tādā pašā secībā; atmetot tiks atmestas arī tās.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/conflicts_panel.py" line="790"/>
        <source>Lēmums „{0}“ un %n vēlākas darbības ar šo ierakstu tiks veikti vēlreiz centrālā servisa pašreizējam stāvoklim. Ja kāda darbība vairs nav iespējama, tā un nākamās tiks atmestas.</source>
        <translation>
            <numerusform>Lēmums „{0}“ un %n vēlāka darbība ar šo ierakstu tiks veikti vēlreiz centrālā servisa pašreizējam stāvoklim. Ja kāda darbība vairs nav iespējama, tā un nākamās tiks atmestas.</numerusform>
            <numerusform>Lēmums „{0}“ un %n vēlākas darbības ar šo ierakstu tiks veikti vēlreiz centrālā servisa pašreizējam stāvoklim. Ja kāda darbība vairs nav iespējama, tā un nākamās tiks atmestas.</numerusform>
            <numerusform>Lēmums „{0}“ un %n vēlākas darbības ar šo ierakstu tiks veikti vēlreiz centrālā servisa pašreizējam stāvoklim. Ja kāda darbība vairs nav iespējama, tā un nākamās tiks atmestas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/conflicts_panel.py" line="810"/>
        <source>Tiks atmestas arī %n vēlākas darbības ar šo ierakstu.</source>
        <translation>
            <numerusform>Tiks atmesta arī %n vēlāka darbība ar šo ierakstu.</numerusform>
            <numerusform>Tiks atmestas arī %n vēlākas darbības ar šo ierakstu.</numerusform>
            <numerusform>Tiks atmestas arī %n vēlākas darbības ar šo ierakstu.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeadlineDialog</name>
    <message numerus="yes">
        <location filename="../views/lifecycle_dialogs.py" line="473"/>
        <source>Atlasīti %n pieteikumi</source>
        <translation>
            <numerusform>Atlasīts %n pieteikums</numerusform>
            <numerusform>Atlasīti %n pieteikumi</numerusform>
            <numerusform>Atlasīti %n pieteikumi</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message numerus="yes">
        <location filename="../deciding.py" line="143"/>
        <source>Piešķirt %n atlasītos pieteikumus?</source>
        <translation>
            <numerusform>Piešķirt %n atlasīto pieteikumu?</numerusform>
            <numerusform>Piešķirt %n atlasītos pieteikumus?</numerusform>
            <numerusform>Piešķirt %n atlasītos pieteikumus?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../deciding.py" line="163"/>
        <source>Piešķirti pieteikumi: %n</source>
        <translation>
            <numerusform>Piešķirti pieteikumi: %n</numerusform>
            <numerusform>Piešķirti pieteikumi: %n</numerusform>
            <numerusform>Piešķirti pieteikumi: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../deciding.py" line="165"/>
        <source>bez rezervēta resursa: %n</source>
        <translation>
            <numerusform>bez rezervēta resursa: %n</numerusform>
            <numerusform>bez rezervēta resursa: %n</numerusform>
            <numerusform>bez rezervēta resursa: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../deciding.py" line="183"/>
        <source>Atteikti pieteikumi: %n</source>
        <translation>
            <numerusform>Atteikti pieteikumi: %n</numerusform>
            <numerusform>Atteikti pieteikumi: %n</numerusform>
            <numerusform>Atteikti pieteikumi: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../deciding.py" line="198"/>
        <source>Atlikti pieteikumi: %n</source>
        <translation>
            <numerusform>Atlikti pieteikumi: %n</numerusform>
            <numerusform>Atlikti pieteikumi: %n</numerusform>
            <numerusform>Atlikti pieteikumi: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeferDialog</name>
    <message numerus="yes">
        <location filename="../views/decision_dialogs.py" line="423"/>
        <source>Atlikt %n pieteikumus</source>
        <translation>
            <numerusform>Atlikt %n pieteikumu</numerusform>
            <numerusform>Atlikt %n pieteikumus</numerusform>
            <numerusform>Atlikt %n pieteikumus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/decision_dialogs.py" line="425"/>
        <source>Atlasīti %n pieteikumi</source>
        <translation>
            <numerusform>Atlasīts %n pieteikums</numerusform>
            <numerusform>Atlasīti %n pieteikumi</numerusform>
            <numerusform>Atlasīti %n pieteikumi</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <location filename="../views/import_dialog.py" line="233"/>
        <source>%n rindas</source>
        <translation>
            <numerusform>%n rinda</numerusform>
            <numerusform>%n rindas</numerusform>
            <numerusform>%n rindas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/import_dialog.py" line="246"/>
        <source>%n rindās ir kļūdas</source>
        <translation>
            <numerusform>%n rindā ir kļūda</numerusform>
            <numerusform>%n rindās ir kļūdas</numerusform>
            <numerusform>%n rindās ir kļūdas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/import_dialog.py" line="250"/>
        <source>(Vēl %n kļūdainas rindas nav parādītas.)</source>
        <translation>
            <numerusform>(Vēl %n kļūdaina rinda nav parādīta.)</numerusform>
            <numerusform>(Vēl %n kļūdainas rindas nav parādītas.)</numerusform>
            <numerusform>(Vēl %n kļūdainas rindas nav parādītas.)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/import_dialog.py" line="257"/>
        <source>Importēt %n resursus</source>
        <translation>
            <numerusform>Importēt %n resursu</numerusform>
            <numerusform>Importēt %n resursus</numerusform>
            <numerusform>Importēt %n resursus</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabelsDialog</name>
    <message numerus="yes">
        <location filename="../views/catalogue_page.py" line="117"/>
        <source>{0} × {1} ({2}, %n uzlīmes)</source>
        <translation>
            <numerusform>{0} × {1} ({2}, %n uzlīme)</numerusform>
            <numerusform>{0} × {1} ({2}, %n uzlīmes)</numerusform>
            <numerusform>{0} × {1} ({2}, %n uzlīmju)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/catalogue_page.py" line="132"/>
        <source>Uzlīmes %n resursiem.</source>
        <translation>
            <numerusform>Uzlīmes %n resursam.</numerusform>
            <numerusform>Uzlīmes %n resursiem.</numerusform>
            <numerusform>Uzlīmes %n resursiem.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lifecycle</name>
    <message numerus="yes">
        <location filename="../lifecycle.py" line="235"/>
        <source>Izsniegšanai sagatavoti %n pieteikumi</source>
        <translation>
            <numerusform>Izsniegšanai sagatavots %n pieteikums</numerusform>
            <numerusform>Izsniegšanai sagatavoti %n pieteikumi</numerusform>
            <numerusform>Izsniegšanai sagatavoti %n pieteikumi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../lifecycle.py" line="292"/>
        <source>Atgriešanas termiņš mainīts %n pieteikumiem</source>
        <translation>
            <numerusform>Atgriešanas termiņš mainīts %n pieteikumam</numerusform>
            <numerusform>Atgriešanas termiņš mainīts %n pieteikumiem</numerusform>
            <numerusform>Atgriešanas termiņš mainīts %n pieteikumiem</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../lifecycle.py" line="305"/>
        <source>Atgādinājums nosūtīts %n iesniedzējiem</source>
        <translation>
            <numerusform>Atgādinājums nosūtīts %n iesniedzējam</numerusform>
            <numerusform>Atgādinājums nosūtīts %n iesniedzējiem</numerusform>
            <numerusform>Atgādinājums nosūtīts %n iesniedzējiem</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverduePanel</name>
    <message numerus="yes">
        <location filename="../views/overdue_panel.py" line="75"/>
        <source>%n dienas</source>
        <translation>
            <numerusform>%n diena</numerusform>
            <numerusform>%n dienas</numerusform>
            <numerusform>%n dienu</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message numerus="yes">
        <location filename="../views/passphrase_dialog.py" line="39"/>
        <source>Šajā datorā nav drošas paroļu glabātavas, tāpēc skolēnu datus šajā datu mapē aizsargās parole. Izvēlieties vismaz %n rakstzīmju garu paroli.</source>
        <translation>
            <numerusform>Šajā datorā nav drošas paroļu glabātavas, tāpēc skolēnu datus šajā datu mapē aizsargās parole. Izvēlieties vismaz %n rakstzīmes garu paroli.</numerusform>
            <numerusform>Šajā datorā nav drošas paroļu glabātavas, tāpēc skolēnu datus šajā datu mapē aizsargās parole. Izvēlieties vismaz %n rakstzīmju garu paroli.</numerusform>
            <numerusform>Šajā datorā nav drošas paroļu glabātavas, tāpēc skolēnu datus šajā datu mapē aizsargās parole. Izvēlieties vismaz %n rakstzīmju garu paroli.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/passphrase_dialog.py" line="90"/>
        <source>Parolei jābūt vismaz %n rakstzīmju garai.</source>
        <translation>
            <numerusform>Parolei jābūt vismaz %n rakstzīmes garai.</numerusform>
            <numerusform>Parolei jābūt vismaz %n rakstzīmju garai.</numerusform>
            <numerusform>Parolei jābūt vismaz %n rakstzīmju garai.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrepareAheadDialog</name>
    <message numerus="yes">
        <location filename="../views/lifecycle_dialogs.py" line="205"/>
        <source>Sagatavot izsniegšanai %n pieteikumus</source>
        <translation>
            <numerusform>Sagatavot izsniegšanai %n pieteikumu</numerusform>
            <numerusform>Sagatavot izsniegšanai %n pieteikumus</numerusform>
            <numerusform>Sagatavot izsniegšanai %n pieteikumus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/lifecycle_dialogs.py" line="213"/>
        <source>Atlasīti %n pieteikumi</source>
        <translation>
            <numerusform>Atlasīts %n pieteikums</numerusform>
            <numerusform>Atlasīti %n pieteikumi</numerusform>
            <numerusform>Atlasīti %n pieteikumi</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RefuseDialog</name>
    <message numerus="yes">
        <location filename="../views/decision_dialogs.py" line="403"/>
        <source>Atteikt %n pieteikumus</source>
        <translation>
            <numerusform>Atteikt %n pieteikumu</numerusform>
            <numerusform>Atteikt %n pieteikumus</numerusform>
            <numerusform>Atteikt %n pieteikumus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/decision_dialogs.py" line="405"/>
        <source>Atlasīti %n pieteikumi</source>
        <translation>
            <numerusform>Atlasīts %n pieteikums</numerusform>
            <numerusform>Atlasīti %n pieteikumi</numerusform>
            <numerusform>Atlasīti %n pieteikumi</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_SignOutCount</name>
    <message numerus="yes">
        <location filename="../views/sign_in_dialog.py" line="317"/>
        <source>%n lēmumi vēl nav nosūtīti centrālajam servisam.</source>
        <translation>
            <numerusform>%n lēmums vēl nav nosūtīts centrālajam servisam.</numerusform>
            <numerusform>%n lēmumi vēl nav nosūtīti centrālajam servisam.</numerusform>
            <numerusform>%n lēmumi vēl nav nosūtīti centrālajam servisam.</numerusform>
        </translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB">
<context>
    <name>ComingSoonPage</name>
    <message>
        <source>Coming soon</source>
        <translation>Yn dod yn fuan</translation>
    </message>
    <message>
        <source>Until then, contact your GP surgery or use your usual pharmacy.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Good morning</source>
        <translation>Bore da</translation>
    </message>
    <message>
        <source>Good afternoon</source>
        <translation>Prynhawn da</translation>
    </message>
    <message>
        <source>Good evening</source>
        <translation>Noswaith dda</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating your record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update your record now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your GP record</source>
        <translation>Eich cofnod meddyg teulu</translation>
    </message>
    <message>
        <source>Allergies, medicines, health problems, vaccinations and test results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coming soon</source>
        <translation>Yn dod yn fuan</translation>
    </message>
    <message>
        <source>Prescriptions</source>
        <translation>Presgripsiynau</translation>
    </message>
    <message>
        <source>Order repeat prescriptions and see when they are ready to collect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Negeseuon</translation>
    </message>
    <message>
        <source>Read messages and letters from your GP surgery.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book, check or cancel appointments. Until then, contact your GP surgery.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Back</source>
        <translation>Yn ôl</translation>
    </message>
    <message>
        <source>You&apos;re offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing your record as saved on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing your record as saved on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We could not update your record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Rhowch gynnig arall arni</translation>
    </message>
    <message>
        <source>Prescriptions</source>
        <translation>Presgripsiynau</translation>
    </message>
    <message>
        <source>Soon you will be able to order repeat prescriptions here and follow them until they are ready to collect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Negeseuon</translation>
    </message>
    <message>
        <source>Soon you will be able to read messages and letters from your GP surgery here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MorePage</name>
    <message>
        <source>More</source>
        <translation>Mwy</translation>
    </message>
    <message>
        <source>Your account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing out removes your record from this device. You can sign in again at any time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Allgofnodi</translation>
    </message>
    <message>
        <source>About Hearth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test mode: connected to a practice server with made-up patients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hearth is free, open-source software. Your record is stored encrypted on this device and is only sent to your GP surgery&apos;s server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out of Hearth?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This removes your GP record from this device. You can sign in again at any time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out and remove your record from this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel, stay signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You&apos;re offline. Hearth will update your record when you&apos;re back online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All parts of your record are up to date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some parts of your record could not be updated. What is saved on this device is still shown.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NavBar</name>
    <message>
        <source>Home</source>
        <translation>Hafan</translation>
    </message>
    <message>
        <source>Your health</source>
        <translation>Eich iechyd</translation>
    </message>
    <message>
        <source>Prescriptions</source>
        <translation>Presgripsiynau</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Negeseuon</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Mwy</translation>
    </message>
    <message>
        <source>Main navigation</source>
        <translation>Prif lywio</translation>
    </message>
</context>
<context>
    <name>RecordSummaryPage</name>
    <message>
        <source>Your GP record</source>
        <translation>Eich cofnod meddyg teulu</translation>
    </message>
    <message>
        <source>NHS number: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is what your GP surgery shares with you. If something looks wrong, contact your surgery.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Alergeddau</translation>
    </message>
    <message>
        <source>Medicines</source>
        <translation>Meddyginiaethau</translation>
    </message>
    <message>
        <source>Health problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccinations</source>
        <translation>Brechiadau</translation>
    </message>
    <message>
        <source>Latest test results</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SectionCard</name>
    <message>
        <source>Loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Yn llwytho…</translation>
    </message>
    <message>
        <source>Nothing recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We could not show this section.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Rhowch gynnig arall arni</translation>
    </message>
    <message>
        <source>Try again: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Your GP record, prescriptions and messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See your allergies, medicines and test results from your GP surgery, in one place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in did not work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue in your browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We have opened your web browser. Sign in there, then come back to this app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You will sign in on a secure page in your web browser. Hearth never sees your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for sign in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue to sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test mode: this app is connected to a practice server with made-up patients, not to a real GP surgery.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your record is kept encrypted on this device. If you need urgent medical help, call 999 or go to 111.nhs.uk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We could not open your record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We could not get your record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished">Rhowch gynnig arall arni</translation>
    </message>
    <message>
        <source>Check you are connected to the internet, then try again. If it keeps happening, close Hearth and open it again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncingPage</name>
    <message>
        <source>Opening Hearth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting your GP record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking the record saved on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This can take a minute the first time. You do not need to do anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 percent, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hearth::AppController</name>
    <message>
        <source>Updating your record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — showing what was saved on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating… last updated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Updated %n minute(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Last updated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hearth doesn&apos;t know which service to sign in to yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting your details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting your allergies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting your medicines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting your health problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting your vaccinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting your test results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting your appointments and consultations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting your record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hearth can&apos;t reach your GP record service right now. Check your internet connection, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For your security, please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hearth can&apos;t reach this device&apos;s secure key store, so it can&apos;t open your record safely. Unlock your device&apos;s keyring and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hearth couldn&apos;t open the record saved on this device. Your data on the server is safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in was stopped because something didn&apos;t look right. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong while updating your record. Your saved record is unchanged. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hearth could not remove everything from this device. Sign out again, or remove the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 entries</source>
        <extracomment>%1 and %2 are numbers of entries in the record, e.g. &quot;1,250 of 2,052 entries&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hearth::RecordViewModel</name>
    <message>
        <source>Unnamed entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mild</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moderate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>severe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 or less</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reaction: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reaction: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat prescription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-off prescription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prescribed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current medicine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past medicine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No value recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal range: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Higher than normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower than normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outside the normal range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No allergies recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No medicines recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No health problems recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No vaccinations recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No test results yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We could not open the record saved on this device. Try again, or sign out and sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hearth::SyncProblemsModel</name>
    <message>
        <source>All parts of your record are up to date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your saved record is still shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hearth will try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not be updated on %1 — %2. %3</source>
        <extracomment>%1 is a date and time like &quot;3 May at 08:14&quot;, %2 a reason like &quot;the service was busy&quot;, %3 what happens next</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not be updated last time — %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 is a part of the record like &quot;Test results&quot;, %2 the sentence saying why it was not updated</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hearth::SyncWording</name>
    <message>
        <source>Your details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation type="unfinished">Alergeddau</translation>
    </message>
    <message>
        <source>Medicines</source>
        <translation type="unfinished">Meddyginiaethau</translation>
    </message>
    <message>
        <source>Health problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccinations</source>
        <translation type="unfinished">Brechiadau</translation>
    </message>
    <message>
        <source>Test results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointments and consultations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other parts of your record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there was no connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service was busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you need to sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this device could not save it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>something did not look right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <extracomment>%1 is a date like &quot;3 May&quot;, %2 a time like &quot;08:14&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Updated %n minute(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Updated today at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated on %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

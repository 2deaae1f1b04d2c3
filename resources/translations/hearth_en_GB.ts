<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>AllergiesSection</name>
    <message>
        <source>Allergies and reactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergies and bad reactions to medicines or other things that your GP practice has recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComingSoonPage</name>
    <message>
        <source>Coming soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until then, contact your GP surgery or use your usual pharmacy.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsultationDetail</name>
    <message>
        <source>Consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This consultation can&apos;t be shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notes were shared from this consultation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded during this consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing else was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsultationsSection</name>
    <message>
        <source>Consultations and events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointments, calls and other contacts with your GP practice. Open one to read its notes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document can&apos;t be shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentsSection</name>
    <message>
        <source>Documents and letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters, reports and other documents your GP practice has shared. They open on this device, even offline.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GlossaryBrowser</name>
    <message>
        <source>Plain English glossary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the glossary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search, for example HbA1c or eGFR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the glossary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No terms match &quot;%1&quot;. Try a shorter word.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The glossary is not available.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GlossarySheet</name>
    <message>
        <source>What %1 means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this usually means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a general explanation, not advice about your own health. If anything in your record is unclear, ask your GP practice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the explanation of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GlossaryText</name>
    <message numerus="yes">
        <source>%n term(s) explained. Press Tab to move between them and Enter to open one.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Good morning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good afternoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good evening</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergies, medicines, health problems, vaccinations and test results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coming soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prescriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order repeat prescriptions and see when they are ready to collect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>Search your record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a word anywhere in your record, including consultation notes and letters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImmunisationsSection</name>
    <message>
        <source>Vaccinations given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NHS vaccination schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These are the vaccinations the NHS usually offers children, and what your GP record shows. Vaccinations given somewhere else, such as at school or abroad, are not always recorded here. If something looks missing or you&apos;re not sure, ask your GP practice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prescriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soon you will be able to order repeat prescriptions here and follow them until they are ready to collect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
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
    <name>MedicinesSection</name>
    <message>
        <source>Medicines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat prescriptions, one-off prescriptions and medicines you no longer take.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MorePage</name>
    <message>
        <source>More</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These choices are kept on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain English glossary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the abbreviations and medical words in your record mean.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NavBar</name>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prescriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main navigation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemsSection</name>
    <message>
        <source>Health problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current and past health problems your GP practice has recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordSummaryPage</name>
    <message>
        <source>Your GP record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is what your GP surgery shares with you. If something looks wrong, contact your surgery.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergies and reactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consultations and events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents and letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections of your GP record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search your record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a word in any section, including consultation notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to your GP record</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultDetailPage</name>
    <message>
        <source>Test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the report says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The results of this report are not in your record yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usual range: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See how this has changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See how %1 has changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsSection</name>
    <message>
        <source>Test results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results are flagged in words when they are outside the usual range. Your GP practice will contact you if anything needs doing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading your test results…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No test results recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We could not show your test results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again: test results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading more results</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Search your record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: asthma, cough or HbA1c</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search your GP record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting search ready for your whole record. Some results may be missing for a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
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
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SectionListPage</name>
    <message>
        <source>Loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show more</source>
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
        <translation type="unfinished"></translation>
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
    <name>SummarySection</name>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest test results</source>
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
    <name>TrendChart</name>
    <message>
        <source>Chart: %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on &quot;Show as a table&quot; to hear every result.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrendChartPage</name>
    <message>
        <source>How this result changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no results with a number to draw for this test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This chart could not be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (dashed line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (solid line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▲ high  ▼ low  ◆ outside the usual range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (shaded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show as a table</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrendChartTable</name>
    <message>
        <source>%1: every result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every result</source>
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
        <translation>
            <numerusform>Updated %n minute ago</numerusform>
            <numerusform>Updated %n minutes ago</numerusform>
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
    <message>
        <source>Getting your letters and documents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hearth::AppearanceSettings</name>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hearth::GlossaryListModel</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hearth::GlossaryViewModel</name>
    <message>
        <source>Abbreviation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test or check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit of measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to take a medicine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medical term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also written as: %1</source>
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
    <name>hearth::ResultsText</name>
    <message>
        <source>Test report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 result in this report is not available in the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 results in this report are not available in the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outside the usual range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preliminary – this may change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated with more information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partial – more results to come</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>less than %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 or less</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This entry can&apos;t be shown here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unnamed test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No result: the test was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No result given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usual range %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No results in this report yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 outside the usual range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 outside the usual range</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hearth::ResultsViewModel</name>
    <message>
        <source>Your test results could not be opened on this device. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No test results recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This result is no longer in your record. Your GP practice may have removed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unnamed test</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hearth::SearchViewModel</name>
    <message>
        <source>Consultation note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unnamed entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems and diagnoses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergies and reactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immunisations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consultations and events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents and letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your record is not available on this device yet. Search works once it has downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search isn&apos;t working right now. Your record is safe. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matches: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search your GP record: problems, medicines, allergies, test results, consultation notes and letters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No results for “%1”. Check the spelling, or try a shorter word.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 result for “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 results for “%2”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hearth::SectionsViewModel</name>
    <message>
        <source>Health problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test or measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This entry can&apos;t be shown here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No date recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mild reaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderate reaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severe reaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past problems</source>
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
        <source>Started %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat prescriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current medicines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-off prescriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past medicines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last issued %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prescribed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergies and reactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reaction: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can&apos;t be shown here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not on this device yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We could not open this part of your record on this device. Try again, or sign out and sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No health problems recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No medicines recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No allergies recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No vaccinations recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No vaccination schedule to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No consultations recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No documents or letters yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>a date and a time of day, e.g. &quot;3 May 2024, 09:15&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given, date not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you think this was given, or you&apos;re not sure, ask your GP practice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not due yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not due yet: usually from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This consultation is no longer in your record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document is no longer in your record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document can&apos;t be shown here. It is dated %1 and its type is %2. Your GP practice can give you a copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document can&apos;t be shown here yet: it has not been downloaded to this device. It will be at the next update when you&apos;re online.</source>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccinations</source>
        <translation type="unfinished"></translation>
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
        <translation>
            <numerusform>Updated %n minute ago</numerusform>
            <numerusform>Updated %n minutes ago</numerusform>
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
<context>
    <name>hearth::TrendModel</name>
    <message>
        <source>Systolic (upper number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diastolic (lower number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usual range for the upper number: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usual range: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 result, on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 results from %2 to %3. Latest: %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 result measured in %1 is not on this chart: %1 cannot be converted exactly to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%3 results measured in %1 are not on this chart: %1 cannot be converted exactly to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 result has no number to draw, so it is only in the results list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 results have no number to draw, so they are only in the results list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some results were reported in another unit of the same measure and have been converted to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

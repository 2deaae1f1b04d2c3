import QtQuick

// Stands in for the lead's AppController: same properties, invokables count their calls.
QtObject {
    property int state: 4
    property real syncProgress: 0.4
    property string syncStep: "Downloading your medicines"
    property string syncCountText: "1,250 of 2,052 entries"
    property bool offline: false
    property bool syncing: false        // background refresh while the record is shown
    property bool needsSignIn: false    // saved sign-in expired or refused
    property string lastUpdatedText: "Updated 10 minutes ago"
    property string lastSavedText: ""
    property string errorText: ""
    property bool hasRecord: true
    property bool sandbox: true
    property string version: "0.1.0"
    property var record: null
    // Stands in for SectionsViewModel (FakeSections) in the record hub tests; null elsewhere.
    property var sections: null
    // Stands in for PrescriptionsViewModel (FakePrescriptions) in the prescriptions tests; null elsewhere.
    property var prescriptions: null
    // Section → "Updated …" text, as AppController.sectionUpdated.
    property var sectionUpdated: ({ allergies: "Updated 10 minutes ago", medicines: "Updated 10 minutes ago",
                                    problems: "Updated 10 minutes ago", immunisations: "Updated 10 minutes ago",
                                    results: "Updated on 3 May at 08:14" })
    // Stands in for SyncProblemsModel: roles title, detail, accessibleText; emptyText.
    property var updateProblems: ListModel {
        property string emptyText: "All parts of your record are up to date."
    }

    // GlossaryViewModel and AppearanceSettings stand-ins; null unless a test sets them.
    property var glossary: null
    property var appearance: null
    // RunningLowModel stand-in (FakeRunningLow); null unless a test sets it.
    property var runningLow: null

    property int signInCalls: 0
    property int retryCalls: 0
    property int syncNowCalls: 0
    property int signOutCalls: 0
    function signIn() { signInCalls++ }
    function retry() { retryCalls++ }
    function syncNow() { syncNowCalls++ }
    function signOut() { signOutCalls++ }
}

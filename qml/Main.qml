import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The window: picks sign-in, syncing or the app shell from appController.state, and inside the shell
// shows one of five pages with a bottom bar (narrow) or a sidebar (wide). Back returns along `history`.
ApplicationWindow {
    id: window
    objectName: "mainWindow"
    title: "Hearth"
    width: 390
    height: 844
    minimumWidth: 320
    minimumHeight: 480
    visible: true
    color: Theme.pageBackground
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody

    // The lead's AppController (context property) or, in tests, any object with the same properties.
    property var controller: typeof appController !== "undefined" ? appController : null

    readonly property var pageNames: ["signin", "syncing", "home", "record", "prescriptions", "messages", "more", "search"]
    readonly property var shellPages: ["home", "record", "prescriptions", "messages", "more", "search"]
    // Record sections: showPage("record:<section>") and openRecordSection(name, id) open one.
    readonly property var recordSections: ["summary", "problems", "medicines", "allergies", "immunisations", "results",
                                           "consultations", "documents"]
    readonly property bool wide: width >= Theme.wideBreakpoint

    // AppController.State: Starting 0, SignedOut 1, SigningIn 2, Syncing 3, Ready 4, Failed 5
    readonly property int appState: controller && controller.state !== undefined ? controller.state : 1
    readonly property bool hasRecord: controller ? controller.hasRecord === true : false
    readonly property bool offline: controller ? controller.offline === true : false
    // The saved sign-in expired or was refused: offer "Sign in again" rather than "Try again".
    readonly property bool needsSignIn: controller ? controller.needsSignIn === true : false

    // More → Appearance (or --theme / --text-scale) drives the Theme; without it (tests) Theme is left alone.
    readonly property var appearance: controller && controller.appearance ? controller.appearance : null
    Binding { target: Theme; property: "dark"; value: window.appearance ? window.appearance.dark === true : false; when: window.appearance !== null }
    Binding { target: Theme; property: "textScale"; value: window.appearance ? window.appearance.textScale : 1.0; when: window.appearance !== null }

    property string shellPage: "home"
    property var history: []
    // Set by showPage() so --self-test and --screenshot can show any page whatever the state.
    property string overridePage: ""
    property bool forceShell: false

    property string currentPageName: overridePage !== "" ? overridePage
                                     : (forceShell ? shellPage : pageForState())

    function pageForState() {
        switch (appState) {
        case 0: return "syncing";
        case 3: return hasRecord ? shellPage : "syncing";
        case 4: return shellPage;
        case 5: return hasRecord ? shellPage : "signin";
        default: return "signin";
        }
    }

    function showPage(name) {
        // "record:<section>[:<resource id>[:<resource type>]]" opens a section, or an entry in it.
        if (name.startsWith("record:")) {
            const parts = name.split(":");
            const section = parts[1];
            if (recordSections.indexOf(section) < 0 || !showPage("record"))
                return false;
            return recordPage.openSection(section, parts[2] || "", parts[3] || "");
        }
        // "prescriptions:<view>[:<key>]": order, review, confirmation, requests, request[:<client id or Task id>], medicines.
        if (name.startsWith("prescriptions:")) {
            const rx = name.split(":");
            if (!showPage("prescriptions"))
                return false;
            return prescriptionsPage.showView(rx[1], rx.slice(2).join(":"));
        }
        // "search:<words>" shows the search page with those words searched (screenshots, tests).
        if (name.startsWith("search:")) {
            if (!showPage("search") || !controller || !controller.search)
                return false;
            controller.search.query = name.slice(7);
            controller.search.searchNow();
            return true;
        }
        if (pageNames.indexOf(name) < 0)
            return false;
        if (shellPages.indexOf(name) >= 0) {
            overridePage = "";
            forceShell = true;
            shellPage = name;
            history = [];
        } else {
            forceShell = false;
            overridePage = name;
        }
        return true;
    }

    // Opening a page from a card or the navigation remembers where the patient was.
    function navigate(name) {
        if (shellPages.indexOf(name) < 0 || name === shellPage)
            return;
        history = history.concat([shellPage]);
        shellPage = name;
    }

    // Opens a record section (and an entry in it: a consultation, a document, a result) from anywhere.
    function openRecordSection(name, resourceId, resourceType) {
        if (recordSections.indexOf(name) < 0)
            return false;
        navigate("record");
        return recordPage.openSection(name, resourceId || "", resourceType || "");
    }

    function back() {
        // Inside the record, a step back within the record comes first.
        if (currentPageName === "record" && recordPage.back())
            return true;
        if (currentPageName === "prescriptions" && prescriptionsPage.back())
            return true;
        if (history.length === 0)
            return false;
        const h = history.slice();
        shellPage = h.pop();
        history = h;
        return true;
    }

    onAppStateChanged: {
        overridePage = "";
        forceShell = false;
        if (appState === 1) {        // signed out: start again from Home next time
            recordPage.reset();
            prescriptionsPage.reset();
            shellPage = "home";
            history = [];
        }
    }

    onClosing: close => {
        if (window.back())
            close.accepted = false;
    }

    Shortcut {
        sequences: [StandardKey.Back, "Esc"]
        onActivated: window.back()
    }

    StackLayout {
        anchors.fill: parent
        currentIndex: window.currentPageName === "signin" ? 0 : window.currentPageName === "syncing" ? 1 : 2

        SignInPage {
            objectName: "signinPage"
            controller: window.controller
        }
        SyncingPage {
            objectName: "syncingPage"
            controller: window.controller
        }

        RowLayout {
            objectName: "shell"
            spacing: 0

            NavBar {
                objectName: "sideNav"
                visible: window.wide
                vertical: true
                Layout.fillHeight: true
                Layout.preferredWidth: Theme.sidebarWidth
                current: window.shellPage
                onActivated: name => window.navigate(name)
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 0

                // Narrow: the blue app bar. Wide: only a Back row when there is somewhere to go back to.
                Rectangle {
                    objectName: "topBar"
                    Layout.fillWidth: true
                    visible: !window.wide || window.history.length > 0
                    implicitHeight: Math.max(56, Theme.px(56))
                    color: window.wide ? "transparent" : Theme.headerBackground

                    ItemDelegate {
                        id: backButton
                        objectName: "backButton"
                        visible: window.history.length > 0
                        anchors.verticalCenter: parent.verticalCenter
                        x: window.wide ? Theme.space4 : Theme.space1
                        implicitHeight: Theme.touchTarget
                        focusPolicy: Qt.StrongFocus
                        Accessible.role: Accessible.Button
                        Accessible.name: qsTr("Back")
                        onClicked: window.back()
                        background: Rectangle {
                            color: backButton.down ? Qt.rgba(0, 0, 0, 0.1) : "transparent"
                            radius: Theme.radius
                            border.color: backButton.visualFocus ? Theme.focus : "transparent"
                            border.width: 3
                        }
                        contentItem: Text {
                            text: "‹  " + qsTr("Back")
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            font.bold: true
                            font.underline: window.wide
                            color: window.wide ? Theme.link : "#FFFFFF"
                            verticalAlignment: Text.AlignVCenter
                        }
                    }
                    Text {
                        visible: !window.wide && window.history.length === 0
                        anchors.verticalCenter: parent.verticalCenter
                        x: Theme.space3
                        text: "Hearth"
                        color: "#FFFFFF"
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontH3
                        font.bold: true
                    }
                }

                Banner {
                    objectName: "offlineBanner"
                    Layout.fillWidth: true
                    visible: window.offline
                    title: qsTr("You're offline")
                    message: window.controller && window.controller.lastSavedText
                             ? qsTr("Showing your record as saved on %1.").arg(window.controller.lastSavedText)
                             : qsTr("Showing your record as saved on this device.")
                }
                // With a record on screen the controller stays Ready and reports a failed refresh only
                // through errorText, so the banner follows errorText, not the state. Offline has its own banner.
                Banner {
                    objectName: "errorBanner"
                    Layout.fillWidth: true
                    kind: "error"
                    visible: message.length > 0 && !window.offline
                    title: window.needsSignIn ? qsTr("Please sign in again") : qsTr("We could not update your record")
                    message: window.controller && window.controller.errorText ? window.controller.errorText : ""
                    actionText: window.needsSignIn ? qsTr("Sign in again") : qsTr("Try again")
                    onActionTriggered: {
                        if (!window.controller)
                            return;
                        if (window.needsSignIn)
                            window.controller.signIn();
                        else
                            window.controller.retry();
                    }
                }

                StackLayout {
                    objectName: "shellPages"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    currentIndex: window.shellPages.indexOf(window.shellPage)

                    HomePage {
                        objectName: "homePage"
                        controller: window.controller
                        onOpenPage: name => window.navigate(name)
                    }
                    RecordSummaryPage {
                        id: recordPage
                        objectName: "recordPage"
                        controller: window.controller
                        onOpenPage: name => window.navigate(name)
                        wide: window.wide
                    }
                    PrescriptionsPage {
                        id: prescriptionsPage
                        objectName: "prescriptionsPage"
                        controller: window.controller
                        wide: window.wide
                    }
                    ComingSoonPage {
                        objectName: "messagesPage"
                        title: qsTr("Messages")
                        message: qsTr("Soon you will be able to read messages and letters from your GP surgery here.")
                    }
                    MorePage {
                        objectName: "morePage"
                        controller: window.controller
                    }
                    SearchPage {
                        objectName: "searchPage"
                        controller: window.controller
                        onOpenEntry: (section, resourceType, resourceId) =>
                                     window.openRecordSection(section, resourceId, resourceType)
                    }
                }

                NavBar {
                    objectName: "bottomNav"
                    visible: !window.wide
                    Layout.fillWidth: true
                    current: window.shellPage
                    onActivated: name => window.navigate(name)
                }
            }
        }
    }
}

import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// First screen: what Hearth is, and one clear "Continue" into the system browser. After a failure
// (state Failed, no record yet) the button becomes "Try again" and calls retry(), which knows whether to
// re-open the record, sign in again or sync again.
Rectangle {
    id: page
    property var controller: null
    // Named appState: `state` is Item's own (string) property.
    readonly property int appState: controller && controller.state !== undefined ? controller.state : 1
    readonly property bool signingIn: appState === 2
    readonly property bool failed: appState === 5
    readonly property bool needsSignIn: controller ? controller.needsSignIn === true : false
    readonly property string errorText: controller && controller.errorText ? controller.errorText : ""

    // The state before Failed tells what failed: opening the saved record (Starting) or getting it (Syncing).
    // Plain values, not bindings: a binding to appState would already hold the new state here.
    property int lastState: -1
    property int failedFrom: -1
    Component.onCompleted: lastState = appState
    onAppStateChanged: {
        if (appState === 5)
            failedFrom = lastState;
        lastState = appState;
    }

    function errorTitle() {
        if (needsSignIn || appState === 1 || appState === 2 || (failed && failedFrom === 2))
            return qsTr("Sign in did not work");
        if (failed && failedFrom === 0)
            return qsTr("We could not open your record");
        return qsTr("We could not get your record");
    }

    color: Theme.pageBackground

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: Theme.px(72)
            color: Theme.headerBackground
            Text {
                anchors.verticalCenter: parent.verticalCenter
                x: Theme.space3
                text: "Hearth"
                color: "#FFFFFF"
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontH2
                font.bold: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
        }

        ScrollPage {
            Layout.fillWidth: true
            Layout.fillHeight: true

            Heading {
                Layout.fillWidth: true
                Layout.topMargin: Theme.space3
                text: qsTr("Your GP record, prescriptions and messages")
            }
            BodyText {
                Layout.fillWidth: true
                font.pixelSize: Theme.fontLead
                text: qsTr("See your allergies, medicines and test results from your GP surgery, in one place.")
            }

            Banner {
                objectName: "signInError"
                Layout.fillWidth: true
                visible: page.errorText.length > 0 && !page.signingIn
                kind: "error"
                title: page.errorTitle()
                message: page.errorText
            }

            Card {
                Layout.fillWidth: true
                Heading {
                    Layout.fillWidth: true
                    level: 3
                    text: page.signingIn ? qsTr("Continue in your browser")
                                         : page.failed && !page.needsSignIn ? qsTr("Try again")
                                         : qsTr("Sign in to continue")
                }
                BodyText {
                    Layout.fillWidth: true
                    text: page.signingIn
                          ? qsTr("We have opened your web browser. Sign in there, then come back to this app.")
                          : page.failed && !page.needsSignIn
                            ? qsTr("Check you are connected to the internet, then try again. If it keeps happening, close Hearth and open it again later.")
                            : qsTr("You will sign in on a secure page in your web browser. Hearth never sees your password.")
                }
                RowLayout {
                    Layout.topMargin: Theme.space2
                    spacing: Theme.space3
                    AppButton {
                        objectName: "signInButton"
                        text: page.signingIn ? qsTr("Waiting for sign in…")
                              : page.failed ? (page.needsSignIn ? qsTr("Sign in again") : qsTr("Try again"))
                              : qsTr("Continue to sign in")
                        enabled: !page.signingIn
                        onClicked: {
                            if (!page.controller)
                                return;
                            if (page.failed)
                                page.controller.retry();
                            else
                                page.controller.signIn();
                        }
                    }
                    BusyIndicator {
                        visible: page.signingIn
                        running: visible
                        implicitWidth: 36
                        implicitHeight: 36
                        Accessible.name: qsTr("Waiting for sign in")
                    }
                }
            }

            BodyText {
                objectName: "sandboxNote"
                Layout.fillWidth: true
                visible: page.controller ? page.controller.sandbox === true : false
                color: Theme.secondaryText
                font.pixelSize: Theme.fontSmall
                text: qsTr("Test mode: this app is connected to a practice server with made-up patients, not to a real GP surgery.")
            }
            BodyText {
                Layout.fillWidth: true
                color: Theme.secondaryText
                font.pixelSize: Theme.fontSmall
                text: qsTr("Your record is kept encrypted on this device. If you need urgent medical help, call 999 or go to 111.nhs.uk.")
            }
        }
    }
}

import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// First screen: what Hearth is, and one clear "Continue" into the system browser.
Rectangle {
    id: page
    property var controller: null
    readonly property int state: controller ? controller.state : 1
    readonly property bool signingIn: state === 2
    readonly property string errorText: controller && controller.errorText ? controller.errorText : ""

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
                title: qsTr("Sign in did not work")
                message: page.errorText
            }

            Card {
                Layout.fillWidth: true
                Heading {
                    Layout.fillWidth: true
                    level: 3
                    text: page.signingIn ? qsTr("Continue in your browser") : qsTr("Sign in to continue")
                }
                BodyText {
                    Layout.fillWidth: true
                    text: page.signingIn
                          ? qsTr("We have opened your web browser. Sign in there, then come back to this app.")
                          : qsTr("You will sign in on a secure page in your web browser. Hearth never sees your password.")
                }
                RowLayout {
                    Layout.topMargin: Theme.space2
                    spacing: Theme.space3
                    AppButton {
                        objectName: "signInButton"
                        text: page.signingIn ? qsTr("Waiting for sign in…") : qsTr("Continue to sign in")
                        enabled: !page.signingIn
                        onClicked: if (page.controller) page.controller.signIn()
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

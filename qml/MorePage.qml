import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtQuick.Templates as T

// Account and app: sign out, the record's update problems, and About (version, test mode).
ScrollPage {
    id: page
    property var controller: null
    // SyncProblemsModel (title, detail, accessibleText) or a fake with the same roles and properties.
    readonly property var problems: controller && controller.updateProblems ? controller.updateProblems : null
    readonly property int problemCount: problems && problems.count !== undefined ? problems.count : 0
    // For tests and screenshots: the confirmation shown before signing out.
    property alias signOutDialog: signOutDialog

    Heading {
        objectName: "pageTitle"
        Layout.fillWidth: true
        text: qsTr("More")
    }

    Card {
        Layout.fillWidth: true
        Heading {
            Layout.fillWidth: true
            level: 2
            text: qsTr("Your account")
        }
        BodyText {
            Layout.fillWidth: true
            visible: page.controller !== null && page.controller.record && (page.controller.record.fullName || "").length > 0
            text: qsTr("Signed in as %1").arg(page.controller && page.controller.record ? page.controller.record.fullName : "")
        }
        BodyText {
            Layout.fillWidth: true
            color: Theme.secondaryText
            text: qsTr("Signing out removes your record from this device. You can sign in again at any time.")
        }
        AppButton {
            objectName: "signOutButton"
            Layout.topMargin: Theme.space2
            primary: false
            text: qsTr("Sign out")
            // Signing out wipes the record from this device, so ask first.
            onClicked: signOutDialog.open()
        }
    }

    Dialog {
        id: signOutDialog
        objectName: "signOutDialog"
        parent: T.Overlay.overlay
        anchors.centerIn: parent
        // Widths come from the page, not from the popup's own geometry: a wrapped Text sized by
        // availableWidth makes Qt 6.4 report a binding loop on the Dialog's implicitHeight.
        readonly property real boxWidth: Math.max(200, Math.min(480, page.width - 2 * Theme.space3))
        width: boxWidth
        modal: true
        focus: true
        padding: Theme.space4
        topPadding: Theme.space4
        closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
        title: qsTr("Sign out of Hearth?")

        // The safe choice has the focus: Enter or Space on it keeps the record.
        onOpened: cancelButton.forceActiveFocus(Qt.TabFocusReason)
        onAccepted: if (page.controller) page.controller.signOut()

        background: Rectangle {
            color: Theme.cardBackground
            radius: Theme.radius
            border.color: Theme.border
        }
        header: Heading {
            text: signOutDialog.title
            level: 2
            leftPadding: Theme.space4
            rightPadding: Theme.space4
            topPadding: Theme.space4
        }
        BodyText {
            id: confirmText
            objectName: "signOutDialogText"
            width: signOutDialog.boxWidth - signOutDialog.leftPadding - signOutDialog.rightPadding
            text: qsTr("This removes your GP record from this device. You can sign in again at any time.")
        }
        footer: Flow {
            leftPadding: Theme.space4
            rightPadding: Theme.space4
            bottomPadding: Theme.space4
            spacing: Theme.space3
            AppButton {
                id: confirmButton
                objectName: "confirmSignOutButton"
                text: qsTr("Sign out")
                fillColor: Theme.red
                Accessible.name: qsTr("Sign out and remove your record from this device")
                KeyNavigation.tab: cancelButton
                onClicked: signOutDialog.accept()
            }
            AppButton {
                id: cancelButton
                objectName: "cancelSignOutButton"
                primary: false
                text: qsTr("Cancel")
                Accessible.name: qsTr("Cancel, stay signed in")
                KeyNavigation.tab: confirmButton
                onClicked: signOutDialog.reject()
            }
        }
    }

    Card {
        objectName: "updatesCard"
        Layout.fillWidth: true
        Accessible.role: Accessible.Grouping
        Accessible.name: qsTr("Updates")
        Heading {
            Layout.fillWidth: true
            level: 2
            text: qsTr("Updates")
        }
        BodyText {
            objectName: "updatesEmpty"
            Layout.fillWidth: true
            visible: page.problemCount === 0
            // Offline, nothing could be tried: "up to date" would not be true.
            text: page.controller && page.controller.offline
                  ? qsTr("You're offline. Hearth will update your record when you're back online.")
                  : (page.problems && page.problems.emptyText ? page.problems.emptyText
                                                              : qsTr("All parts of your record are up to date."))
        }
        BodyText {
            Layout.fillWidth: true
            visible: page.problemCount > 0
            color: Theme.secondaryText
            text: qsTr("Some parts of your record could not be updated. What is saved on this device is still shown.")
        }
        Repeater {
            objectName: "updateProblems"
            model: page.problems
            delegate: ColumnLayout {
                required property int index
                required property var model
                objectName: "updateProblem"
                Layout.fillWidth: true
                Layout.topMargin: Theme.space2
                spacing: Theme.space1
                Accessible.role: Accessible.StaticText
                Accessible.name: model.accessibleText
                Rectangle {
                    Layout.fillWidth: true
                    Layout.bottomMargin: Theme.space2
                    implicitHeight: 1
                    color: Theme.border
                }
                BodyText {
                    objectName: "problemTitle"
                    Layout.fillWidth: true
                    text: model.title
                    font.bold: true
                    Accessible.ignored: true
                }
                BodyText {
                    objectName: "problemDetail"
                    Layout.fillWidth: true
                    text: model.detail
                    Accessible.ignored: true
                }
            }
        }
    }

    Card {
        Layout.fillWidth: true
        Heading {
            Layout.fillWidth: true
            level: 2
            text: qsTr("About Hearth")
        }
        BodyText {
            objectName: "versionText"
            Layout.fillWidth: true
            text: qsTr("Version %1").arg(page.controller && page.controller.version ? page.controller.version : "")
        }
        BodyText {
            Layout.fillWidth: true
            visible: page.controller ? page.controller.sandbox === true : false
            text: qsTr("Test mode: connected to a practice server with made-up patients.")
        }
        BodyText {
            Layout.fillWidth: true
            color: Theme.secondaryText
            text: qsTr("Hearth is free, open-source software. Your record is stored encrypted on this device and is only sent to your GP surgery's server.")
        }
    }
}

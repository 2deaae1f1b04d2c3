import QtQuick
import QtQuick.Layouts

// Account and app: sign out, and About (version, test mode).
ScrollPage {
    id: page
    property var controller: null

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
            onClicked: if (page.controller) page.controller.signOut()
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

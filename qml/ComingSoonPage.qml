import QtQuick
import QtQuick.Layouts

// A calm placeholder for a part of the app that is not built yet.
ScrollPage {
    id: page
    property string title
    property string message

    Heading {
        objectName: "pageTitle"
        Layout.fillWidth: true
        text: page.title
    }
    Card {
        Layout.fillWidth: true
        FlagTag {
            text: qsTr("Coming soon")
        }
        BodyText {
            Layout.fillWidth: true
            text: page.message
        }
        BodyText {
            Layout.fillWidth: true
            color: Theme.secondaryText
            text: qsTr("Until then, contact your GP surgery or use your usual pharmacy.")
        }
    }
}

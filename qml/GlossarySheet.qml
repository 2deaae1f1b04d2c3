import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtQuick.Templates as T

// The explanation of one glossary term: what it means, what it usually means, and a Close button.
// Opened by GlossaryText (and the A–Z glossary) with show(entry), entry as GlossaryViewModel.entry().
Popup {
    id: sheet
    objectName: "glossarySheet"

    property var entry: ({})
    readonly property string term: entry && entry.term ? entry.term : ""
    // Sizes come from the window, not from the popup's own geometry (Qt 6.4 binding loops otherwise).
    readonly property real windowWidth: parent ? parent.width : 360
    readonly property real windowHeight: parent ? parent.height : 640
    readonly property real boxWidth: Math.max(240, Math.min(560, windowWidth - 2 * Theme.space3))
    readonly property real innerWidth: boxWidth - leftPadding - rightPadding

    function show(newEntry) {
        entry = newEntry || ({});
        open();
    }

    parent: T.Overlay.overlay
    anchors.centerIn: parent
    width: boxWidth
    height: Math.min(column.implicitHeight + topPadding + bottomPadding, windowHeight - 2 * Theme.space3)
    padding: Theme.space4
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside

    onOpened: {
        flick.contentY = 0;
        closeButton.forceActiveFocus(Qt.TabFocusReason);
    }

    background: Rectangle {
        color: Theme.cardBackground
        radius: Theme.radius
        border.color: Theme.border
    }
    T.Overlay.modal: Rectangle { color: Qt.rgba(0, 0, 0, 0.5) }

    contentItem: Flickable {
        id: flick
        Accessible.role: Accessible.Dialog
        Accessible.name: qsTr("What %1 means").arg(sheet.term)
        clip: true
        contentWidth: width
        contentHeight: column.implicitHeight
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar { }

        ColumnLayout {
            id: column
            width: sheet.innerWidth
            spacing: Theme.space3

            BodyText {
                objectName: "glossaryCategory"
                Layout.fillWidth: true
                text: sheet.entry && sheet.entry.categoryText ? sheet.entry.categoryText : ""
                visible: text.length > 0
                color: Theme.secondaryText
                font.pixelSize: Theme.fontSmall
            }
            Heading {
                objectName: "glossaryTerm"
                Layout.fillWidth: true
                level: 2
                text: sheet.term
            }
            BodyText {
                objectName: "glossaryMeans"
                Layout.fillWidth: true
                text: sheet.entry && sheet.entry.means ? sheet.entry.means : ""
                font.pixelSize: Theme.fontLead
            }
            Heading {
                Layout.fillWidth: true
                Layout.topMargin: Theme.space2
                level: 3
                text: qsTr("What this usually means")
            }
            BodyText {
                objectName: "glossaryUsually"
                Layout.fillWidth: true
                text: sheet.entry && sheet.entry.usually ? sheet.entry.usually : ""
            }
            BodyText {
                objectName: "glossaryAlsoWritten"
                Layout.fillWidth: true
                text: sheet.entry && sheet.entry.alsoWritten ? sheet.entry.alsoWritten : ""
                visible: text.length > 0
                color: Theme.secondaryText
                font.pixelSize: Theme.fontSmall
            }
            BodyText {
                Layout.fillWidth: true
                color: Theme.secondaryText
                font.pixelSize: Theme.fontSmall
                text: qsTr("This is a general explanation, not advice about your own health. If anything in your record is unclear, ask your GP practice.")
            }
            AppButton {
                id: closeButton
                objectName: "glossaryCloseButton"
                primary: false
                text: qsTr("Close")
                Accessible.name: qsTr("Close the explanation of %1").arg(sheet.term)
                onClicked: sheet.close()
            }
        }
    }
}

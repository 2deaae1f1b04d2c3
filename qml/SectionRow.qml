import QtQuick
import QtQuick.Layouts

// One entry of a record section page: title and flag in words, detail, a second line, the date.
// A row that opens something (a consultation, a document) reacts to tap, Enter and Space, and
// shows the focus ring when the keyboard is on it.
Item {
    id: row
    property string title
    property string detail
    property string secondary
    property string dateText
    property string flag
    property string flagText
    property bool supported: true
    property string accessibleText
    property bool openable: false
    property bool showDivider: true
    property bool keyboardFocus: false
    signal activated()

    implicitHeight: column.implicitHeight + Theme.space3 * 2
    Accessible.role: openable ? Accessible.Button : Accessible.ListItem
    Accessible.name: accessibleText.length > 0 ? accessibleText : title
    Accessible.onPressAction: if (openable) row.activated()

    Rectangle {
        anchors.fill: parent
        color: mouse.pressed ? Theme.tagBackground : "transparent"
        border.color: row.keyboardFocus ? Theme.focus : "transparent"
        border.width: 3
        radius: Theme.radius
    }
    Rectangle {
        visible: row.showDivider && !row.keyboardFocus
        width: parent.width
        height: 1
        color: Theme.border
    }
    MouseArea {
        id: mouse
        anchors.fill: parent
        enabled: row.openable
        cursorShape: row.openable ? Qt.PointingHandCursor : Qt.ArrowCursor
        onClicked: row.activated()
    }

    ColumnLayout {
        id: column
        x: Theme.space2
        y: Theme.space3
        width: parent.width - 2 * Theme.space2
        spacing: Theme.space1

        // Title and flag placed by hand, as in SummaryRow: a RowLayout of two wrapping texts makes
        // Qt 6.4 report polish loops at large text sizes. The tag takes at most 45% and wraps.
        Item {
            Layout.fillWidth: true
            implicitHeight: Math.max(rowTitle.implicitHeight, rowFlag.visible ? rowFlag.implicitHeight : 0)
            BodyText {
                id: rowTitle
                objectName: "rowTitle"
                width: parent.width - (rowFlag.visible ? rowFlag.width + Theme.space2 : 0)
                text: row.title
                font.bold: true
                font.italic: !row.supported
                color: row.openable ? Theme.link : Theme.text
                font.underline: row.openable
            }
            FlagTag {
                id: rowFlag
                objectName: "rowFlag"
                anchors.right: parent.right
                width: Math.min(implicitWidth, Math.round(parent.width * 0.45))
                height: implicitHeight
                flag: row.flag === "severe" || row.flag === "notRecorded" ? "abnormal" : row.flag === "given" ? "normal" : ""
                text: row.flagText
            }
        }
        BodyText {
            objectName: "rowDetail"
            Layout.fillWidth: true
            text: row.detail
            visible: text.length > 0
        }
        BodyText {
            Layout.fillWidth: true
            text: row.secondary
            visible: text.length > 0
        }
        BodyText {
            objectName: "rowDate"
            Layout.fillWidth: true
            text: row.dateText
            visible: text.length > 0
            color: Theme.secondaryText
            font.pixelSize: Theme.fontSmall
        }
    }
}

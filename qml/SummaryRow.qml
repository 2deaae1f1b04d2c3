import QtQuick
import QtQuick.Layouts

// One entry of a record section: title, detail, date and its flag in words.
Item {
    id: row
    property string title
    property string detail
    property string dateText
    property string flag
    property string flagText
    property string accessibleText
    property bool showDivider: true

    // The first row sits close under the section heading; later rows get room around the divider.
    readonly property int topPadding: showDivider ? Theme.space3 : Theme.space1
    implicitHeight: column.implicitHeight + topPadding + Theme.space2
    Accessible.role: Accessible.ListItem
    Accessible.name: accessibleText.length > 0 ? accessibleText : title

    Rectangle {
        visible: row.showDivider
        width: parent.width
        height: 1
        color: Theme.border
    }

    ColumnLayout {
        id: column
        y: row.topPadding
        width: parent.width
        spacing: Theme.space1

        // Title and flag side by side, placed by hand: a RowLayout of two wrapping texts makes Qt 6.4
        // report polish loops at large text sizes. The tag takes at most 45% and wraps beyond that.
        Item {
            Layout.fillWidth: true
            implicitHeight: Math.max(rowTitle.implicitHeight, rowFlag.visible ? rowFlag.implicitHeight : 0)
            BodyText {
                id: rowTitle
                objectName: "rowTitle"
                width: parent.width - (rowFlag.visible ? rowFlag.width + Theme.space2 : 0)
                text: row.title
                font.bold: true
            }
            FlagTag {
                id: rowFlag
                objectName: "rowFlag"
                anchors.right: parent.right
                width: Math.min(implicitWidth, Math.round(parent.width * 0.45))
                height: implicitHeight
                flag: row.flag
                text: row.flagText
            }
        }
        BodyText {
            Layout.fillWidth: true
            text: row.detail
            visible: text.length > 0
        }
        BodyText {
            Layout.fillWidth: true
            text: row.dateText
            visible: text.length > 0
            color: Theme.secondaryText
            font.pixelSize: Theme.fontSmall
        }
    }
}

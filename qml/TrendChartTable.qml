import QtQuick
import QtQuick.Layouts

// Every point of a trend as a table a screen reader can read: one row per result,
// "3 May 2024: 48 mmol/mol, high". Rows are all created (a Repeater), so none is ever skipped.
Column {
    id: table
    property var trend: null
    spacing: 0
    Accessible.role: Accessible.Table
    Accessible.name: trend ? qsTr("%1: every result").arg(trend.title) : qsTr("Every result")

    Repeater {
        objectName: "tableRows"
        model: table.trend
        delegate: Rectangle {
            id: tableRow
            required property int index
            required property string dateText
            required property string valueText
            required property string flagText
            required property string flag
            required property string tableText
            objectName: "tableRow"
            width: table.width
            implicitHeight: rowLayout.implicitHeight + Theme.space2 * 2
            height: implicitHeight
            color: tableRow.index % 2 ? Theme.pageBackground : Theme.cardBackground
            Accessible.role: Accessible.Row
            Accessible.name: tableRow.tableText

            RowLayout {
                id: rowLayout
                x: Theme.space2
                y: Theme.space2
                width: parent.width - 2 * Theme.space2
                spacing: Theme.space2
                BodyText {
                    Layout.preferredWidth: parent.width * 0.42
                    text: tableRow.dateText
                    Accessible.ignored: true
                }
                BodyText {
                    Layout.fillWidth: true
                    text: tableRow.valueText
                    font.bold: true
                    Accessible.ignored: true
                }
                FlagTag {
                    flag: tableRow.flag
                    text: tableRow.flag === "normal" ? "" : tableRow.flagText
                    Accessible.ignored: true
                }
            }
        }
    }
}

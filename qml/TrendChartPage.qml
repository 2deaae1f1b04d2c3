import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// How one test changed over time: summary, chart with its usual range, a legend for two lines,
// why some results are not on it, and "Show as a table" with every result.
ScrollPage {
    id: page
    property var trend: null
    // 0 loading, 1 empty, 2 error, 3 content (like the other models)
    readonly property int status: trend ? trend.status : 0

    Heading {
        objectName: "trendTitle"
        Layout.fillWidth: true
        text: page.trend && page.trend.title ? page.trend.title : qsTr("How this result changed")
    }
    BodyText {
        objectName: "trendSummary"
        Layout.fillWidth: true
        visible: text.length > 0
        text: page.trend ? page.trend.summaryText : ""
    }
    BodyText {
        objectName: "trendEmpty"
        Layout.fillWidth: true
        visible: page.status === 1
        text: qsTr("There are no results with a number to draw for this test.")
        color: Theme.secondaryText
    }
    BodyText {
        objectName: "trendError"
        Layout.fillWidth: true
        visible: page.status === 2
        text: page.trend && page.trend.errorText ? page.trend.errorText : qsTr("This chart could not be shown.")
    }

    Card {
        Layout.fillWidth: true
        visible: page.status === 3
        BodyText {
            Layout.fillWidth: true
            text: page.trend ? qsTr("Values in %1").arg(page.trend.unitText) : ""
            visible: page.trend !== null && page.trend.unitText.length > 0
            color: Theme.secondaryText
            font.pixelSize: Theme.fontSmall
        }
        TrendChart {
            objectName: "trendChart"
            Layout.fillWidth: true
            Layout.preferredHeight: implicitHeight
            trend: page.trend
        }
        // Legend: lines and markers in words.
        Flow {
            Layout.fillWidth: true
            spacing: Theme.space3
            Repeater {
                model: page.trend && page.trend.twoLines
                       ? [{ mark: "●", text: page.trend.lineName, second: false }, { mark: "■", text: page.trend.line2Name, second: true }]
                       : []
                delegate: BodyText {
                    required property var modelData
                    text: modelData.mark + " " + modelData.text + (modelData.second ? qsTr(" (dashed line)") : qsTr(" (solid line)"))
                    color: modelData.second ? Theme.secondaryText : Theme.accent
                    font.pixelSize: Theme.fontSmall
                }
            }
            BodyText {
                text: qsTr("▲ high  ▼ low  ◆ outside the usual range")
                font.pixelSize: Theme.fontSmall
                color: Theme.secondaryText
            }
            BodyText {
                objectName: "rangeText"
                visible: text.length > 0
                text: page.trend ? page.trend.rangeText + (page.trend.rangeText.length > 0 ? qsTr(" (shaded)") : "") : ""
                font.pixelSize: Theme.fontSmall
                color: Theme.secondaryText
            }
        }
        BodyText {
            objectName: "separateText"
            Layout.fillWidth: true
            visible: text.length > 0
            text: page.trend ? page.trend.separateText : ""
            font.pixelSize: Theme.fontSmall
        }
        Switch {
            id: tableToggle
            objectName: "tableToggle"
            text: qsTr("Show as a table")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight)
            Accessible.role: Accessible.CheckBox
            Accessible.name: text
            Accessible.checkable: true
            Accessible.checked: checked
            contentItem: Text {
                leftPadding: tableToggle.indicator.width + tableToggle.spacing
                text: tableToggle.text
                font: tableToggle.font
                color: Theme.text
                verticalAlignment: Text.AlignVCenter
                wrapMode: Text.Wrap
            }
        }
        TrendChartTable {
            objectName: "trendTable"
            Layout.fillWidth: true
            visible: tableToggle.checked
            trend: page.trend
        }
    }
}

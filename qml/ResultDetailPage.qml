import QtQuick
import QtQuick.Layouts

// One report (or a single result) opened: when, status, what the lab said, and each result with
// its value, usual range and flag in words. "See how this has changed" opens the trend.
ScrollPage {
    id: page
    property var detail: null
    signal trendRequested(string observationId)
    readonly property int status: detail ? detail.status : 0

    Heading {
        objectName: "detailTitle"
        Layout.fillWidth: true
        text: page.detail && page.detail.title ? page.detail.title : qsTr("Test result")
    }
    ColumnLayout {
        Layout.fillWidth: true
        Layout.topMargin: -Theme.space2
        spacing: Theme.space1
        BodyText {
            objectName: "detailDate"
            Layout.fillWidth: true
            visible: text.length > 0
            text: page.detail ? page.detail.dateText : ""
            color: Theme.secondaryText
        }
        BodyText {
            objectName: "detailStatus"
            Layout.fillWidth: true
            visible: text.length > 0
            text: page.detail && page.detail.statusText ? qsTr("Status: %1").arg(page.detail.statusText) : ""
            color: Theme.secondaryText
        }
        BodyText {
            Layout.fillWidth: true
            visible: text.length > 0
            text: page.detail && page.detail.performer ? qsTr("From: %1").arg(page.detail.performer) : ""
            color: Theme.secondaryText
        }
    }
    Card {
        objectName: "conclusionCard"
        Layout.fillWidth: true
        visible: page.detail !== null && (page.detail.conclusion || "").length > 0
        color: Theme.infoBackground
        Heading { level: 3; text: qsTr("What the report says"); Layout.fillWidth: true }
        GlossaryText { Layout.fillWidth: true; plainText: page.detail ? page.detail.conclusion : "" }
    }
    BodyText {
        objectName: "missingText"
        Layout.fillWidth: true
        visible: text.length > 0
        text: page.detail ? page.detail.missingText : ""
        color: Theme.secondaryText
    }
    BodyText {
        objectName: "detailError"
        Layout.fillWidth: true
        visible: page.status === 2
        text: page.detail && page.detail.errorText ? page.detail.errorText : ""
    }
    BodyText {
        objectName: "detailEmpty"
        Layout.fillWidth: true
        visible: page.status === 1
        text: qsTr("The results of this report are not in your record yet.")
        color: Theme.secondaryText
    }

    Repeater {
        objectName: "detailRows"
        model: page.status === 3 ? page.detail : null
        delegate: Card {
            id: rowCard
            required property string observationId
            required property string title
            required property string valueText
            required property string rangeText
            required property string flag
            required property string flagText
            required property string dateText
            required property string statusCode
            required property string statusText
            required property bool canTrend
            required property bool unsupported
            required property var unsupportedText
            required property var note
            required property string accessibleText
            objectName: "resultRow"
            Layout.fillWidth: true
            Accessible.role: Accessible.Grouping
            Accessible.name: accessibleText

            // Placed by hand: a RowLayout of two wrapping texts polish-loops at 200% text.
            Item {
                Layout.fillWidth: true
                implicitHeight: Math.max(resultTitle.implicitHeight, resultFlag.visible ? resultFlag.implicitHeight : 0)
                // The test's name with glossary terms as links ("eGFR" opens what it measures).
                GlossaryText {
                    id: resultTitle
                    objectName: "resultTitle"
                    width: parent.width - (resultFlag.visible ? resultFlag.width + Theme.space2 : 0)
                    plainText: rowCard.title
                    font.pixelSize: Theme.fontH3
                    font.bold: true
                    Accessible.role: Accessible.Heading
                }
                FlagTag {
                    id: resultFlag
                    anchors.right: parent.right
                    width: Math.min(implicitWidth, Math.round(parent.width * 0.45))
                    height: implicitHeight
                    flag: rowCard.flag
                    text: rowCard.flagText
                }
            }
            BodyText {
                objectName: "valueText"
                Layout.fillWidth: true
                text: rowCard.valueText
                font.pixelSize: rowCard.unsupported ? Theme.fontBody : Theme.fontLead
                font.bold: !rowCard.unsupported
            }
            BodyText {
                Layout.fillWidth: true
                visible: rowCard.unsupported
                text: (rowCard.unsupportedText || "") + (rowCard.dateText.length > 0 ? " · " + rowCard.dateText : "")
                color: Theme.secondaryText
            }
            BodyText {
                Layout.fillWidth: true
                visible: rowCard.rangeText.length > 0
                text: qsTr("Usual range: %1").arg(rowCard.rangeText)
                color: Theme.secondaryText
            }
            BodyText {
                Layout.fillWidth: true
                visible: rowCard.statusCode !== "final" && rowCard.statusText.length > 0
                text: rowCard.statusText
                color: Theme.secondaryText
            }
            GlossaryText {
                Layout.fillWidth: true
                visible: (rowCard.note || "").length > 0
                plainText: rowCard.note || ""
            }
            AppButton {
                objectName: "trendButton"
                visible: rowCard.canTrend
                primary: false
                text: qsTr("See how this has changed")
                Accessible.name: qsTr("See how %1 has changed").arg(rowCard.title)
                onClicked: page.trendRequested(rowCard.observationId)
            }
        }
    }
}

import QtQuick
import QtQuick.Layouts

// One consultation: when, who, where, why, the notes written and the entries made during it.
// `detail` is SectionsViewModel.consultation(id) (or a fake map of the same shape).
ScrollPage {
    id: page
    property var detail: ({})
    readonly property bool found: detail && detail.found === true
    readonly property var notes: found && detail.notes ? detail.notes : []
    readonly property var entries: found && detail.entries ? detail.entries : []

    Heading {
        objectName: "consultationTitle"
        Layout.fillWidth: true
        text: page.found ? page.detail.title : qsTr("Consultation")
    }
    BodyText {
        objectName: "consultationMessage"
        Layout.fillWidth: true
        visible: !page.found
        text: page.detail && page.detail.message ? page.detail.message : qsTr("This consultation can't be shown here.")
    }
    Card {
        visible: page.found
        Layout.fillWidth: true
        BodyText {
            objectName: "consultationDate"
            Layout.fillWidth: true
            text: page.found ? page.detail.dateText : ""
            font.bold: true
        }
        BodyText {
            Layout.fillWidth: true
            visible: text.length > 0
            text: page.found && page.detail.clinician ? qsTr("With %1").arg(page.detail.clinician) : ""
        }
        BodyText {
            Layout.fillWidth: true
            visible: text.length > 0
            text: page.found && page.detail.place ? qsTr("At %1").arg(page.detail.place) : ""
        }
        BodyText {
            Layout.fillWidth: true
            visible: text.length > 0
            text: page.found && page.detail.reason ? qsTr("Reason: %1").arg(page.detail.reason) : ""
        }
    }
    Card {
        objectName: "notesCard"
        visible: page.found
        Layout.fillWidth: true
        Heading {
            Layout.fillWidth: true
            level: 2
            text: qsTr("Notes")
        }
        BodyText {
            objectName: "noNotes"
            Layout.fillWidth: true
            visible: page.notes.length === 0
            text: qsTr("No notes were shared from this consultation.")
            color: Theme.secondaryText
        }
        Repeater {
            objectName: "notesRepeater"
            model: page.notes
            // Notes are written for clinicians: abbreviations ("O/E", "2/52") open their explanation.
            delegate: GlossaryText {
                required property string modelData
                Layout.fillWidth: true
                plainText: modelData
            }
        }
    }
    Card {
        objectName: "entriesCard"
        visible: page.found
        Layout.fillWidth: true
        Heading {
            Layout.fillWidth: true
            level: 2
            text: qsTr("Recorded during this consultation")
        }
        BodyText {
            Layout.fillWidth: true
            visible: page.entries.length === 0
            text: qsTr("Nothing else was recorded.")
            color: Theme.secondaryText
        }
        Repeater {
            objectName: "entriesRepeater"
            model: page.entries
            delegate: SectionRow {
                required property var modelData
                required property int index
                Layout.fillWidth: true
                title: modelData.title
                detail: modelData.kind
                dateText: modelData.dateText
                supported: modelData.supported !== false
                showDivider: index > 0
            }
        }
    }
}

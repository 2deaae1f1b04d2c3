import QtQuick
import QtQuick.Layouts

// The record summary: the five short sections (allergies, medicines, problems, vaccinations, latest
// results), each with its own loading/empty/error/content state. Shown first in the record hub.
ScrollPage {
    id: page
    property var controller: null
    readonly property var record: controller ? controller.record : null
    // Section name → "Updated 10 minutes ago" (AppController.sectionUpdated).
    readonly property var updated: controller && controller.sectionUpdated ? controller.sectionUpdated : ({})

    function back() { return false }
    function openEntry(resourceId) { }

    function retry() {
        if (page.record && typeof page.record.reload === "function")
            page.record.reload();
        else if (page.controller)
            page.controller.retry();
    }

    Heading {
        objectName: "summaryTitle"
        Layout.fillWidth: true
        text: qsTr("Summary")
    }
    ColumnLayout {
        Layout.fillWidth: true
        Layout.topMargin: -Theme.space2
        spacing: Theme.space1
        visible: page.record !== null && (page.record.fullName || "").length > 0
        BodyText {
            objectName: "patientName"
            Layout.fillWidth: true
            text: page.record && page.record.fullName ? page.record.fullName : ""
            font.bold: true
        }
        BodyText {
            objectName: "nhsNumber"
            Layout.fillWidth: true
            visible: page.record !== null && (page.record.nhsNumber || "").length > 0
            text: qsTr("NHS number: %1").arg(page.record && page.record.nhsNumber ? page.record.nhsNumber : "")
            color: Theme.secondaryText
        }
    }
    BodyText {
        Layout.fillWidth: true
        color: Theme.secondaryText
        text: qsTr("This is what your GP surgery shares with you. If something looks wrong, contact your surgery.")
    }

    SectionCard {
        objectName: "allergiesSection"
        Layout.fillWidth: true
        title: qsTr("Allergies")
        model: page.record ? page.record.allergies : null
        updatedText: page.updated["allergies"] || ""
        onRetryRequested: page.retry()
    }
    SectionCard {
        objectName: "medicinesSection"
        Layout.fillWidth: true
        title: qsTr("Medicines")
        model: page.record ? page.record.medicines : null
        updatedText: page.updated["medicines"] || ""
        onRetryRequested: page.retry()
    }
    SectionCard {
        objectName: "problemsSection"
        Layout.fillWidth: true
        title: qsTr("Health problems")
        model: page.record ? page.record.problems : null
        updatedText: page.updated["problems"] || ""
        onRetryRequested: page.retry()
    }
    SectionCard {
        objectName: "immunisationsSection"
        Layout.fillWidth: true
        title: qsTr("Vaccinations")
        model: page.record ? page.record.immunisations : null
        updatedText: page.updated["immunisations"] || ""
        onRetryRequested: page.retry()
    }
    SectionCard {
        objectName: "resultsSection"
        Layout.fillWidth: true
        title: qsTr("Latest test results")
        model: page.record ? page.record.results : null
        updatedText: page.updated["results"] || ""
        onRetryRequested: page.retry()
    }
}

import QtQuick

// "Medicines": one list with groups (see SectionsViewModel). Nothing to drill into, so back() has
// nothing of its own to undo.
FocusScope {
    id: root
    property var controller: null
    readonly property var sections: controller && controller.sections ? controller.sections : null

    function back() { return false }
    function openEntry(resourceId) { list.list.currentIndex = -1 }

    SectionListPage {
        id: list
        objectName: "medicinesList"
        anchors.fill: parent
        focus: true
        title: qsTr("Medicines")
        intro: qsTr("Repeat prescriptions, one-off prescriptions and medicines you no longer take.")
        model: root.sections ? root.sections.medicines : null
        updatedText: root.controller && root.controller.sectionUpdated ? (root.controller.sectionUpdated["medicines"] || "") : ""
        onRetryRequested: if (root.sections) root.sections.reload()
    }
}

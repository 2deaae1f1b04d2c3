import QtQuick

// "Allergies and reactions": one list with groups (see SectionsViewModel). Nothing to drill into, so back() has
// nothing of its own to undo.
FocusScope {
    id: root
    property var controller: null
    readonly property var sections: controller && controller.sections ? controller.sections : null

    function back() { return false }
    function openEntry(resourceId) { list.list.currentIndex = -1 }

    SectionListPage {
        id: list
        objectName: "allergiesList"
        anchors.fill: parent
        focus: true
        title: qsTr("Allergies and reactions")
        intro: qsTr("Allergies and bad reactions to medicines or other things that your GP practice has recorded.")
        model: root.sections ? root.sections.allergies : null
        updatedText: root.controller && root.controller.sectionUpdated ? (root.controller.sectionUpdated["allergies"] || "") : ""
        onRetryRequested: if (root.sections) root.sections.reload()
    }
}

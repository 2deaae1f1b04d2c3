import QtQuick

// "Health problems": one list with groups (see SectionsViewModel). Nothing to drill into, so back() has
// nothing of its own to undo.
FocusScope {
    id: root
    property var controller: null
    readonly property var sections: controller && controller.sections ? controller.sections : null

    function back() { return false }
    function openEntry(resourceId) { list.list.currentIndex = -1 }

    SectionListPage {
        id: list
        objectName: "problemsList"
        anchors.fill: parent
        focus: true
        title: qsTr("Health problems")
        intro: qsTr("Current and past health problems your GP practice has recorded.")
        model: root.sections ? root.sections.problems : null
        updatedText: root.controller && root.controller.sectionUpdated ? (root.controller.sectionUpdated["problems"] || "") : ""
        onRetryRequested: if (root.sections) root.sections.reload()
    }
}

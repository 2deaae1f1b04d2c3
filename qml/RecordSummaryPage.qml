import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// "Your GP record": the record hub. It lists the sections (summary, problems, medicines, allergies,
// vaccinations, test results, consultations, documents) with how many entries each has.
// Narrow: one column; choosing a section shows it with a Back row. Wide: the list is a sidebar and
// the chosen section sits beside it. Each section is its own <X>Section.qml (see the contract in
// docs).
// Keyboard: Tab reaches the list, arrows move, Enter opens, Esc or Backspace go back.
FocusScope {
    id: hub
    property var controller: null
    // Opens a shell page (the search page) from here.
    signal openPage(string name)
    property bool wide: width >= Theme.wideBreakpoint
    // Narrow: "" shows the list. Wide: always a section (summary by default).
    property string currentSection: ""
    readonly property string shownSection: wide ? (currentSection === "" ? "summary" : currentSection) : currentSection
    readonly property var sectionsModel: controller && controller.sections ? controller.sections : null
    readonly property var counts: sectionsModel && sectionsModel.counts ? sectionsModel.counts : ({})
    readonly property var updated: controller && controller.sectionUpdated ? controller.sectionUpdated : ({})
    readonly property var record: controller ? controller.record : null
    readonly property alias sectionItem: sectionLoader.item
    property string pendingEntry: ""
    property string pendingType: ""

    readonly property var sectionNames: ["summary", "problems", "medicines", "allergies", "immunisations", "results",
                                         "consultations", "documents"]

    function titleFor(name) {
        switch (name) {
        case "summary": return qsTr("Summary");
        case "problems": return qsTr("Health problems");
        case "medicines": return qsTr("Medicines");
        case "allergies": return qsTr("Allergies and reactions");
        case "immunisations": return qsTr("Vaccinations");
        case "results": return qsTr("Test results");
        case "consultations": return qsTr("Consultations and events");
        case "documents": return qsTr("Documents and letters");
        }
        return "";
    }

    function countText(name) {
        const n = hub.counts[name];
        if (n === undefined || n === null)
            return "";
        return n === 1 ? qsTr("1 entry") : qsTr("%1 entries").arg(Number(n).toLocaleString(Qt.locale(), "f", 0));
    }

    // Opens a section, and inside it an entry (a consultation, a document) when resourceId is given.
    function openSection(name, resourceId, resourceType) {
        if (hub.sectionNames.indexOf(name) < 0)
            return false;
        hub.pendingEntry = resourceId || "";
        hub.pendingType = resourceType || "";
        if (hub.currentSection === name && sectionLoader.item) {
            hub.openPending();
        } else {
            hub.currentSection = name;
        }
        list.currentIndex = hub.sectionNames.indexOf(name);
        return true;
    }

    function openPending() {
        if (hub.pendingEntry !== "" && sectionLoader.item && typeof sectionLoader.item.openEntry === "function")
            sectionLoader.item.openEntry(hub.pendingEntry, hub.pendingType);
        hub.pendingEntry = "";
        hub.pendingType = "";
    }

    // Signed out (or another person's record): close whatever section and entry was open, so
    // nothing of the last record stays on screen behind the next sign-in.
    function reset() {
        hub.pendingEntry = "";
        hub.pendingType = "";
        hub.currentSection = "";
        list.currentIndex = -1;
    }

    // One step back: inside the section first, then (narrow) from the section to the list.
    function back() {
        if (sectionLoader.item && typeof sectionLoader.item.back === "function" && sectionLoader.item.back())
            return true;
        if (!hub.wide && hub.currentSection !== "") {
            const was = hub.sectionNames.indexOf(hub.currentSection);
            hub.currentSection = "";
            list.currentIndex = was;
            list.forceActiveFocus();
            list.positionViewAtIndex(was, ListView.Contain);
            return true;
        }
        return false;
    }

    Keys.onPressed: event => {
        if (event.key === Qt.Key_Backspace && hub.back())
            event.accepted = true;
    }

    function componentFor(name) {
        switch (name) {
        case "summary": return summaryComponent;
        case "problems": return problemsComponent;
        case "medicines": return medicinesComponent;
        case "allergies": return allergiesComponent;
        case "immunisations": return immunisationsComponent;
        case "results": return resultsComponent;
        case "consultations": return consultationsComponent;
        case "documents": return documentsComponent;
        }
        return null;
    }

    Component { id: summaryComponent; SummarySection { objectName: "summarySection" } }
    Component { id: problemsComponent; ProblemsSection { objectName: "problemsSectionPage" } }
    Component { id: medicinesComponent; MedicinesSection { objectName: "medicinesSectionPage" } }
    Component { id: allergiesComponent; AllergiesSection { objectName: "allergiesSectionPage" } }
    Component { id: immunisationsComponent; ImmunisationsSection { objectName: "immunisationsSectionPage" } }
    Component { id: consultationsComponent; ConsultationsSection { objectName: "consultationsSectionPage" } }
    Component { id: documentsComponent; DocumentsSection { objectName: "documentsSectionPage" } }
    Component { id: resultsComponent; ResultsSection { objectName: "resultsSectionPage" } }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        // The list of sections: the whole page when narrow, a sidebar when wide.
        Rectangle {
            objectName: "sectionIndex"
            visible: hub.wide || hub.currentSection === ""
            Layout.fillHeight: true
            Layout.fillWidth: !hub.wide
            Layout.preferredWidth: hub.wide ? Math.max(300, Theme.px(300)) : -1
            color: hub.wide ? Theme.cardBackground : "transparent"
            border.width: hub.wide ? 1 : 0
            border.color: Theme.border

            ListView {
                id: list
                objectName: "sectionIndexList"
                anchors.fill: parent
                anchors.margins: hub.wide ? Theme.space2 : 0
                focus: hub.wide || hub.currentSection === ""
                activeFocusOnTab: true
                keyNavigationEnabled: true
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                model: hub.sectionNames
                // Eight short rows: keep them all made, so a screen reader (and a test) always finds
                // every section, also below the fold on a small phone at 200% text.
                cacheBuffer: 4000
                // No current row until an arrow key, so the list opens at its heading.
                currentIndex: -1
                readonly property int margins: hub.wide ? 0 : (width < 600 ? Theme.space3 : Theme.space5)
                leftMargin: hub.wide ? 0 : Math.max(margins, (width - Theme.contentMaxWidth) / 2)
                rightMargin: leftMargin
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Sections of your GP record")
                ScrollBar.vertical: ScrollBar { }

                Keys.onPressed: event => {
                    if ((event.key === Qt.Key_Down || event.key === Qt.Key_Up) && list.currentIndex < 0) {
                        list.currentIndex = 0;
                        event.accepted = true;
                        return;
                    }
                    if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter || event.key === Qt.Key_Space)
                            && list.currentIndex >= 0) {
                        hub.openSection(hub.sectionNames[list.currentIndex], "");
                        if (sectionLoader.item)
                            sectionLoader.item.forceActiveFocus();
                        event.accepted = true;
                    }
                }

                header: ColumnLayout {
                    width: list.width - list.leftMargin - list.rightMargin
                    spacing: Theme.space2
                    Item { implicitHeight: hub.wide ? Theme.space2 : list.margins - Theme.space2 }
                    Heading {
                        objectName: "recordTitle"
                        Layout.fillWidth: true
                        Layout.leftMargin: hub.wide ? Theme.space2 : 0
                        level: hub.wide ? 2 : 1
                        text: qsTr("Your GP record")
                    }
                    BodyText {
                        objectName: "hubPatientName"
                        Layout.fillWidth: true
                        Layout.leftMargin: hub.wide ? Theme.space2 : 0
                        visible: text.length > 0
                        text: hub.record && hub.record.fullName ? hub.record.fullName : ""
                        font.bold: true
                    }
                    // Wide windows have search in the main sidebar.
                    AppButton {
                        objectName: "recordSearchButton"
                        visible: !hub.wide
                        Layout.fillWidth: true
                        primary: false
                        text: qsTr("Search your record")
                        Accessible.description: qsTr("Find a word in any section, including consultation notes")
                        onClicked: hub.openPage("search")
                    }
                    BodyText {
                        Layout.fillWidth: true
                        Layout.leftMargin: hub.wide ? Theme.space2 : 0
                        Layout.bottomMargin: Theme.space3
                        visible: !hub.wide
                        color: Theme.secondaryText
                        text: qsTr("This is what your GP surgery shares with you. If something looks wrong, contact your surgery.")
                    }
                }

                delegate: ItemDelegate {
                    id: entry
                    required property int index
                    required property string modelData
                    readonly property bool selected: hub.shownSection === modelData
                    objectName: "section_" + modelData
                    width: list.width - list.leftMargin - list.rightMargin
                    implicitHeight: Math.max(Theme.touchTarget + Theme.space2, column.implicitHeight + 2 * Theme.space3)
                    focusPolicy: Qt.NoFocus
                    Accessible.role: Accessible.Button
                    Accessible.name: [hub.titleFor(modelData), hub.countText(modelData), hub.updated[modelData] || ""]
                                     .filter(s => s.length > 0).join(". ")
                    onClicked: {
                        list.currentIndex = index;
                        hub.openSection(modelData, "");
                    }
                    background: Rectangle {
                        color: entry.selected && hub.wide ? Theme.infoBackground
                                                          : entry.down ? Theme.tagBackground
                                                                       : hub.wide ? "transparent" : Theme.cardBackground
                        radius: Theme.radius
                        border.width: list.activeFocus && entry.ListView.isCurrentItem ? 3 : (hub.wide ? 0 : 1)
                        border.color: list.activeFocus && entry.ListView.isCurrentItem ? Theme.focus : Theme.border
                        // Narrow rows are separate cards with a gap between them.
                        anchors.fill: parent
                        anchors.bottomMargin: hub.wide ? 0 : Theme.space2
                    }
                    contentItem: RowLayout {
                        spacing: Theme.space2
                        ColumnLayout {
                            id: column
                            Layout.fillWidth: true
                            Layout.bottomMargin: hub.wide ? 0 : Theme.space2
                            spacing: 2
                            BodyText {
                                objectName: "sectionName"
                                Layout.fillWidth: true
                                text: hub.titleFor(entry.modelData)
                                font.bold: true
                                color: Theme.link
                            }
                            BodyText {
                                objectName: "sectionCount"
                                Layout.fillWidth: true
                                visible: text.length > 0
                                text: hub.countText(entry.modelData)
                                color: Theme.secondaryText
                                font.pixelSize: Theme.fontSmall
                            }
                        }
                        Text {
                            visible: !hub.wide
                            text: "›"
                            color: Theme.link
                            font.pixelSize: Theme.fontH2
                            Accessible.ignored: true
                        }
                    }
                }
            }
        }

        // The chosen section.
        ColumnLayout {
            objectName: "sectionDetail"
            visible: hub.shownSection !== ""
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            ItemDelegate {
                id: hubBack
                objectName: "hubBackButton"
                visible: !hub.wide
                Layout.leftMargin: Theme.space1
                implicitHeight: Theme.touchTarget
                focusPolicy: Qt.StrongFocus
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Back to your GP record")
                onClicked: hub.back()
                Keys.onReturnPressed: hub.back()
                Keys.onEnterPressed: hub.back()
                background: Rectangle {
                    color: hubBack.down ? Theme.tagBackground : "transparent"
                    radius: Theme.radius
                    border.color: hubBack.visualFocus ? Theme.focus : "transparent"
                    border.width: 3
                }
                contentItem: Text {
                    text: "‹  " + qsTr("Your GP record")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    font.underline: true
                    color: Theme.link
                    verticalAlignment: Text.AlignVCenter
                }
            }

            Loader {
                id: sectionLoader
                objectName: "sectionLoader"
                Layout.fillWidth: true
                Layout.fillHeight: true
                focus: hub.shownSection !== "" && !(hub.wide && list.activeFocus)
                sourceComponent: hub.shownSection === "" ? null : hub.componentFor(hub.shownSection)
                onLoaded: {
                    item.controller = Qt.binding(() => hub.controller);
                    hub.openPending();
                }
            }
        }
    }
}

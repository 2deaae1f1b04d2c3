import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Your health → Test results: the list (newest first, pages load as you scroll), a report's
// detail, and a result's trend — each a step on this section's own StackView; back() pops.
// `controller` is the AppController (or a test fake) with `testResults`.
Item {
    id: resultsSection
    property var controller: null
    readonly property var results: controller ? controller.testResults : null

    // true if a step back was taken inside the resultsSection.
    function back() {
        if (stack.depth > 1) {
            stack.pop();
            return true;
        }
        return false;
    }
    // (id, type): the same order as every section's openEntry, so the hub and search can call it.
    function openEntry(entryId, resourceType) {
        if (!results)
            return;
        results.openEntry(resourceType, entryId);
        stack.push(detailPage);
    }
    function openTrend(observationId) {
        if (!results)
            return;
        results.openTrend(observationId);
        stack.push(trendPage);
    }

    Rectangle {
        anchors.fill: parent
        color: Theme.pageBackground
    }

    StackView {
        id: stack
        objectName: "resultsStack"
        anchors.fill: parent
        initialItem: listPage
    }

    Component {
        id: detailPage
        ResultDetailPage {
            objectName: "resultDetailPage"
            detail: resultsSection.results ? resultsSection.results.detail : null
            onTrendRequested: observationId => resultsSection.openTrend(observationId)
        }
    }
    Component {
        id: trendPage
        TrendChartPage {
            objectName: "trendPage"
            trend: resultsSection.results ? resultsSection.results.trend : null
        }
    }

    Component {
        id: listPage
        ListView {
            id: list
            objectName: "resultsList"
            readonly property int margins: width < 600 ? Theme.space3 : Theme.space5
            readonly property int columnWidth: Math.min(Theme.contentMaxWidth, width - 2 * margins)
            // ResultsViewModel.Status: Loading 0, Empty 1, Error 2, Content 3
            readonly property int status: resultsSection.results ? resultsSection.results.status : 0
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            spacing: Theme.space3
            model: status === 3 || status === 0 ? resultsSection.results : null
            keyNavigationEnabled: true
            activeFocusOnTab: true
            // No current row until an arrow key: a current row makes the view scroll to it when the
            // rows are replaced, and the page would open part-way down.
            currentIndex: -1
            // Rows laid out before the list had its width are taller than they end up; when they
            // shrink the view keeps its old offset and opens part-way down. Until the patient
            // scrolls, stay at the top.
            property bool scrolledByPatient: false
            onMovementStarted: scrolledByPatient = true
            onWidthChanged: if (!scrolledByPatient) Qt.callLater(positionViewAtBeginning)
            onCountChanged: if (!scrolledByPatient) Qt.callLater(positionViewAtBeginning)
            Keys.onDownPressed: event => {
                if (list.currentIndex < 0 && list.count > 0)
                    list.currentIndex = 0;
                else
                    event.accepted = false;
            }
            ScrollBar.vertical: ScrollBar { }
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Test results")

            header: Item {
                width: list.width
                height: headerColumn.implicitHeight + list.margins + Theme.space3
                ColumnLayout {
                    id: headerColumn
                    x: (list.width - list.columnWidth) / 2
                    y: list.margins
                    width: list.columnWidth
                    spacing: Theme.space2
                    Heading {
                        objectName: "resultsTitle"
                        Layout.fillWidth: true
                        text: qsTr("Test results")
                    }
                    BodyText {
                        objectName: "resultsUpdated"
                        Layout.fillWidth: true
                        visible: text.length > 0
                        text: resultsSection.results ? resultsSection.results.updatedText : ""
                        color: Theme.secondaryText
                        font.pixelSize: Theme.fontSmall
                    }
                    BodyText {
                        Layout.fillWidth: true
                        text: qsTr("Results are flagged in words when they are outside the usual range. Your GP practice will contact you if anything needs doing.")
                        color: Theme.secondaryText
                        font.pixelSize: Theme.fontSmall
                    }
                    RowLayout {
                        objectName: "resultsLoading"
                        visible: list.status === 0 && list.count === 0
                        Layout.fillWidth: true
                        spacing: Theme.space3
                        BusyIndicator { running: parent.visible; implicitWidth: 32; implicitHeight: 32; Accessible.name: qsTr("Loading") }
                        BodyText { Layout.fillWidth: true; text: qsTr("Loading your test results…"); color: Theme.secondaryText }
                    }
                    BodyText {
                        objectName: "resultsEmpty"
                        visible: list.status === 1
                        Layout.fillWidth: true
                        text: resultsSection.results && resultsSection.results.emptyText ? resultsSection.results.emptyText : qsTr("No test results recorded")
                        color: Theme.secondaryText
                    }
                    ColumnLayout {
                        objectName: "resultsError"
                        visible: list.status === 2
                        Layout.fillWidth: true
                        spacing: Theme.space2
                        BodyText {
                            objectName: "resultsErrorText"
                            Layout.fillWidth: true
                            text: resultsSection.results && resultsSection.results.errorText ? resultsSection.results.errorText : qsTr("We could not show your test results.")
                        }
                        AppButton {
                            objectName: "resultsRetry"
                            text: qsTr("Try again")
                            primary: false
                            Accessible.name: qsTr("Try again: test results")
                            onClicked: if (resultsSection.results) resultsSection.results.reload()
                        }
                    }
                }
            }

            delegate: Item {
                id: entry
                required property int index
                required property string entryId
                required property string resourceType
                required property string title
                required property string dateText
                required property string summaryText
                required property string statusCode
                required property string statusText
                required property string flag
                required property string flagText
                required property string accessibleText
                objectName: "resultEntry"
                width: list.width
                implicitHeight: card.implicitHeight
                height: implicitHeight

                Rectangle {
                    id: card
                    objectName: "entryCard"
                    x: (list.width - list.columnWidth) / 2
                    width: list.columnWidth
                    implicitHeight: entryColumn.implicitHeight + 2 * Theme.space3
                    radius: Theme.radius
                    color: tap.pressed ? Theme.tagBackground : Theme.cardBackground
                    border.color: entry.activeFocus || entry.ListView.isCurrentItem && list.activeFocus ? Theme.focus : Theme.border
                    border.width: entry.activeFocus || entry.ListView.isCurrentItem && list.activeFocus ? 3 : 1
                    Accessible.role: Accessible.Button
                    Accessible.name: entry.accessibleText
                    Accessible.onPressAction: resultsSection.openEntry(entry.entryId, entry.resourceType)

                    ColumnLayout {
                        id: entryColumn
                        x: Theme.space3
                        y: Theme.space3
                        width: parent.width - 2 * Theme.space3
                        spacing: Theme.space1
                        // Placed by hand: a RowLayout of two wrapping texts polish-loops at 200% text.
                        Item {
                            Layout.fillWidth: true
                            implicitHeight: Math.max(entryTitle.implicitHeight, entryFlag.visible ? entryFlag.implicitHeight : 0)
                            BodyText {
                                id: entryTitle
                                width: parent.width - (entryFlag.visible ? entryFlag.width + Theme.space2 : 0)
                                text: entry.title
                                font.bold: true
                                color: Theme.link
                                Accessible.ignored: true
                            }
                            FlagTag {
                                id: entryFlag
                                objectName: "entryFlag"
                                anchors.right: parent.right
                                width: Math.min(implicitWidth, Math.round(parent.width * 0.45))
                                height: implicitHeight
                                flag: entry.flag
                                text: entry.flagText
                            }
                        }
                        BodyText { Layout.fillWidth: true; text: entry.summaryText; visible: text.length > 0; Accessible.ignored: true }
                        BodyText {
                            Layout.fillWidth: true
                            text: entry.statusCode === "final" || entry.statusText.length === 0
                                  ? entry.dateText : entry.dateText + " · " + entry.statusText
                            color: Theme.secondaryText
                            font.pixelSize: Theme.fontSmall
                            Accessible.ignored: true
                        }
                    }
                    TapHandler { id: tap; onTapped: resultsSection.openEntry(entry.entryId, entry.resourceType) }
                }
                Keys.onReturnPressed: resultsSection.openEntry(entry.entryId, entry.resourceType)
                Keys.onEnterPressed: resultsSection.openEntry(entry.entryId, entry.resourceType)
                Keys.onSpacePressed: resultsSection.openEntry(entry.entryId, entry.resourceType)
            }

            footer: Item {
                width: list.width
                height: Theme.space5 + (more.visible ? more.height : 0) + (moreFailed.visible ? moreFailed.implicitHeight : 0)
                BusyIndicator {
                    id: more
                    anchors.horizontalCenter: parent.horizontalCenter
                    visible: resultsSection.results !== null && resultsSection.results.canLoadMore === true
                    running: visible
                    Accessible.name: qsTr("Loading more results")
                }
                // A later page failed: what is shown stays, with a way to try again.
                ColumnLayout {
                    id: moreFailed
                    objectName: "loadMoreFailed"
                    x: (list.width - list.columnWidth) / 2
                    width: list.columnWidth
                    visible: resultsSection.results !== null && (resultsSection.results.loadMoreError || "").length > 0
                    spacing: Theme.space2
                    BodyText {
                        Layout.fillWidth: true
                        text: resultsSection.results ? (resultsSection.results.loadMoreError || "") : ""
                    }
                    AppButton {
                        objectName: "loadMoreRetry"
                        primary: false
                        text: qsTr("Try again")
                        Accessible.name: qsTr("Try loading more results again")
                        onClicked: resultsSection.results.retryLoadMore()
                    }
                }
            }
        }
    }
}

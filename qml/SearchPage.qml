import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Whole-record search: a search field and the results grouped by section ("Test results (3)").
// `model` is appController.search (SearchViewModel) or a test fake with the same properties and
// roles. Choosing a result emits openEntry; the shell opens that record section at that entry.
FocusScope {
    id: page
    property var controller: null
    property var model: controller && controller.search ? controller.search : null
    signal openEntry(string section, string resourceType, string resourceId)

    // SearchViewModel.Status: Idle 0, Searching 1, NoResults 2, Error 3, Content 4
    readonly property int status: model && model.status !== undefined ? model.status : 0
    readonly property int margins: width < 600 ? Theme.space3 : Theme.space5

    function focusField() { field.forceActiveFocus() }
    onVisibleChanged: if (visible) focusField()

    ColumnLayout {
        anchors.fill: parent
        anchors.topMargin: page.margins
        spacing: Theme.space3

        // A Column, not a ColumnLayout: wrapping texts in nested layouts polish-loop in Qt 6.4.
        Column {
            Layout.fillWidth: true
            Layout.maximumWidth: Theme.contentMaxWidth
            Layout.alignment: Qt.AlignHCenter
            Layout.leftMargin: page.margins
            Layout.rightMargin: page.margins
            spacing: Theme.space2

            Heading {
                objectName: "searchTitle"
                width: parent.width
                text: qsTr("Search your record")
            }
            // A hint above the field, not a placeholder: it wraps at large text sizes and stays
            // visible while typing (the GOV.UK pattern).
            BodyText {
                objectName: "searchHint"
                width: parent.width
                color: Theme.secondaryText
                text: qsTr("For example: asthma, cough or HbA1c")
            }

            TextField {
                id: field
                objectName: "searchField"
                width: parent.width
                implicitHeight: Math.max(Theme.touchTarget, contentHeight + 2 * Theme.space2)
                focus: true
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                inputMethodHints: Qt.ImhNoPredictiveText
                Accessible.role: Accessible.EditableText
                Accessible.name: qsTr("Search your GP record")
                Accessible.description: page.statusLine
                text: page.model && page.model.query !== undefined ? page.model.query : ""
                onTextEdited: if (page.model) page.model.query = text
                Keys.onReturnPressed: if (page.model) page.model.searchNow()
                Keys.onEnterPressed: if (page.model) page.model.searchNow()
                Keys.onDownPressed: if (results.count > 0) { results.currentIndex = 0; results.forceActiveFocus() }
                background: Rectangle {
                    color: Theme.cardBackground
                    radius: Theme.radius
                    border.color: field.activeFocus ? Theme.focus : Theme.text
                    border.width: field.activeFocus ? 3 : 2
                }
            }

            // Status and Clear placed by hand: a RowLayout of a wrapping text and a button
            // polish-loops at 200% text in Qt 6.4.
            Item {
                width: parent.width
                implicitHeight: Math.max(statusText.implicitHeight, clearButton.visible ? clearButton.implicitHeight : 0)
                BodyText {
                    id: statusText
                    objectName: "searchStatus"
                    width: parent.width - (clearButton.visible ? clearButton.width + Theme.space2 : 0)
                    anchors.verticalCenter: parent.verticalCenter
                    color: page.status === 3 ? Theme.flagRed : Theme.secondaryText
                    text: page.statusLine
                    Accessible.role: Accessible.StaticText
                }
                AppButton {
                    id: clearButton
                    objectName: "clearSearchButton"
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    visible: field.text.length > 0
                    primary: false
                    text: qsTr("Clear")
                    Accessible.name: qsTr("Clear search")
                    onClicked: {
                        if (page.model)
                            page.model.clear();
                        field.text = "";
                        field.forceActiveFocus();
                    }
                }
            }
            BodyText {
                objectName: "indexingNote"
                width: parent.width
                visible: page.model !== null && page.model.indexing === true
                color: Theme.secondaryText
                font.pixelSize: Theme.fontSmall
                text: qsTr("Getting search ready for your whole record. Some results may be missing for a moment.")
            }
        }

        ListView {
            id: results
            objectName: "searchResults"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.maximumWidth: Theme.contentMaxWidth + 2 * page.margins
            Layout.alignment: Qt.AlignHCenter
            visible: page.status === 4 || (page.status === 1 && count > 0)
            clip: true
            model: page.model
            spacing: Theme.space2
            activeFocusOnTab: true
            keyNavigationEnabled: true
            boundsBehavior: Flickable.StopAtBounds
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Search results")
            ScrollBar.vertical: ScrollBar { }
            header: Item { width: 1; height: Theme.space1 }
            footer: Item { width: 1; height: Theme.space4 }
            Keys.onUpPressed: {
                if (currentIndex <= 0)
                    field.forceActiveFocus();
                else
                    decrementCurrentIndex();
            }

            section.property: "sectionTitle"
            section.criteria: ViewSection.FullString
            section.delegate: Heading {
                required property string section
                x: page.margins
                width: results.width - 2 * page.margins
                level: 3
                topPadding: Theme.space3
                bottomPadding: Theme.space1
                text: section
            }

            delegate: ItemDelegate {
                id: hit
                required property int index
                required property string section
                required property string title
                required property string dateText
                required property string snippetStyled
                required property string resourceType
                required property string resourceId
                required property string accessibleText
                objectName: "searchHit" + index
                x: page.margins
                width: results.width - 2 * page.margins
                implicitHeight: Math.max(Theme.touchTarget, body.implicitHeight + 2 * Theme.space3)
                padding: 0
                focusPolicy: Qt.StrongFocus
                Accessible.role: Accessible.Link
                Accessible.name: accessibleText
                onClicked: page.openEntry(section, resourceType, resourceId)
                Keys.onReturnPressed: clicked()
                Keys.onEnterPressed: clicked()
                background: Rectangle {
                    color: hit.down ? Theme.tagBackground : Theme.cardBackground
                    radius: Theme.radius
                    border.color: hit.visualFocus || (hit.ListView.isCurrentItem && results.activeFocus) ? Theme.focus : Theme.border
                    border.width: hit.visualFocus || (hit.ListView.isCurrentItem && results.activeFocus) ? 3 : 1
                }
                contentItem: Item {
                    implicitHeight: body.implicitHeight
                    ColumnLayout {
                        id: body
                        x: Theme.space3
                        width: parent.width - 2 * Theme.space3
                        anchors.verticalCenter: parent.verticalCenter
                        spacing: Theme.space1
                        BodyText {
                            Layout.fillWidth: true
                            text: hit.title
                            color: Theme.link
                            font.bold: true
                            font.underline: true
                        }
                        BodyText {
                            Layout.fillWidth: true
                            visible: text.length > 0
                            text: hit.dateText
                            color: Theme.secondaryText
                            font.pixelSize: Theme.fontSmall
                        }
                        BodyText {
                            objectName: "snippet"
                            Layout.fillWidth: true
                            visible: text.length > 0
                            // Escaped by the view-model; only <b> around the match is markup.
                            textFormat: Text.StyledText
                            text: hit.snippetStyled
                        }
                    }
                }
            }
        }

        // Idle, no results, error: the status line says it; keep the space below calm.
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: !results.visible
        }
    }

    readonly property string statusLine: model && model.statusText !== undefined ? model.statusText : ""
}

import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtQuick.Templates as T

// The A–Z plain-English glossary, opened from More: a search box and every term, grouped by letter.
// Choosing a term opens its explanation (GlossarySheet).
Popup {
    id: browser
    objectName: "glossaryBrowser"

    // GlossaryViewModel: entries (GlossaryListModel with filter), entry(key).
    property var glossary: null
    readonly property var model: glossary ? glossary.entries : null
    property alias sheet: sheet
    property alias searchField: search

    function openTerm(key) {
        if (!glossary)
            return false;
        const e = glossary.entry(key);
        if (!e || !e.key)
            return false;
        sheet.show(e);
        return true;
    }

    parent: T.Overlay.overlay
    x: 0
    y: 0
    width: parent ? parent.width : 360
    height: parent ? parent.height : 640
    padding: 0
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape

    onOpened: search.forceActiveFocus(Qt.TabFocusReason)
    onClosed: if (model) model.filter = ""

    background: Rectangle { color: Theme.pageBackground }

    contentItem: ColumnLayout {
        spacing: 0
        Accessible.role: Accessible.Dialog
        Accessible.name: qsTr("Plain English glossary")

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: header.implicitHeight + 2 * Theme.space3
            color: Theme.headerBackground
            RowLayout {
                id: header
                anchors.fill: parent
                anchors.margins: Theme.space3
                spacing: Theme.space3
                Text {
                    Layout.fillWidth: true
                    text: qsTr("Plain English glossary")
                    color: "#FFFFFF"
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontH3
                    font.bold: true
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                ItemDelegate {
                    id: closeButton
                    objectName: "glossaryBrowserClose"
                    implicitHeight: Theme.touchTarget
                    focusPolicy: Qt.StrongFocus
                    Accessible.role: Accessible.Button
                    Accessible.name: qsTr("Close the glossary")
                    onClicked: browser.close()
                    Keys.onReturnPressed: browser.close()
                    background: Rectangle {
                        color: closeButton.down ? Qt.rgba(0, 0, 0, 0.15) : "transparent"
                        radius: Theme.radius
                        border.color: closeButton.visualFocus ? Theme.focus : "#FFFFFF"
                        border.width: closeButton.visualFocus ? 3 : 1
                    }
                    contentItem: Text {
                        text: qsTr("Close")
                        color: "#FFFFFF"
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        verticalAlignment: Text.AlignVCenter
                    }
                }
            }
        }

        TextField {
            id: search
            objectName: "glossarySearch"
            Layout.fillWidth: true
            Layout.margins: Theme.space3
            implicitHeight: Math.max(Theme.touchTarget, contentHeight + 2 * Theme.space2)
            placeholderText: qsTr("Search, for example HbA1c or eGFR")
            placeholderTextColor: Theme.secondaryText
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            Accessible.name: qsTr("Search the glossary")
            inputMethodHints: Qt.ImhNoPredictiveText
            onTextChanged: if (browser.model) browser.model.filter = text
            KeyNavigation.down: list
            background: Rectangle {
                color: Theme.cardBackground
                radius: Theme.radius
                border.color: search.activeFocus ? Theme.focus : Theme.border
                border.width: search.activeFocus ? 3 : 2
            }
        }

        BodyText {
            objectName: "glossaryEmpty"
            Layout.fillWidth: true
            Layout.leftMargin: Theme.space3
            Layout.rightMargin: Theme.space3
            visible: list.count === 0
            text: browser.glossary ? qsTr("No terms match \"%1\". Try a shorter word.").arg(search.text)
                                   : qsTr("The glossary is not available.")
        }

        ListView {
            id: list
            objectName: "glossaryList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: browser.model
            keyNavigationEnabled: true
            activeFocusOnTab: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { }
            section.property: "section"
            section.delegate: Text {
                required property string section
                width: ListView.view ? ListView.view.width : 0
                leftPadding: Theme.space3
                topPadding: Theme.space3
                bottomPadding: Theme.space1
                text: section
                color: Theme.secondaryText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontH3
                font.bold: true
                Accessible.role: Accessible.Heading
                Accessible.name: section
            }
            delegate: ItemDelegate {
                id: row
                required property int index
                required property string key
                required property string term
                required property string means
                required property string accessibleText
                objectName: "glossaryRow"
                width: ListView.view ? ListView.view.width : 0
                implicitHeight: Math.max(Theme.touchTarget, rowColumn.implicitHeight + 2 * Theme.space2)
                focusPolicy: Qt.StrongFocus
                Accessible.role: Accessible.Button
                Accessible.name: accessibleText
                onClicked: browser.openTerm(key)
                Keys.onReturnPressed: browser.openTerm(key)
                Keys.onSpacePressed: browser.openTerm(key)
                background: Rectangle {
                    color: row.down || row.ListView.isCurrentItem && list.activeFocus ? Theme.tagBackground : Theme.cardBackground
                    border.color: row.visualFocus || (row.ListView.isCurrentItem && list.activeFocus) ? Theme.focus : Theme.border
                    border.width: row.visualFocus || (row.ListView.isCurrentItem && list.activeFocus) ? 3 : 1
                }
                contentItem: ColumnLayout {
                    id: rowColumn
                    spacing: Theme.space1
                    BodyText {
                        Layout.fillWidth: true
                        Layout.leftMargin: Theme.space3
                        Layout.rightMargin: Theme.space3
                        text: row.term
                        color: Theme.link
                        font.bold: true
                        Accessible.ignored: true
                    }
                    BodyText {
                        Layout.fillWidth: true
                        Layout.leftMargin: Theme.space3
                        Layout.rightMargin: Theme.space3
                        text: row.means
                        color: Theme.secondaryText
                        font.pixelSize: Theme.fontSmall
                        Accessible.ignored: true
                    }
                }
            }
            Keys.onReturnPressed: if (currentItem) browser.openTerm(currentItem.key)
        }
    }

    GlossarySheet {
        id: sheet
        onClosed: if (list.currentItem) list.forceActiveFocus()
    }
}

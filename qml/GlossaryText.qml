import QtQuick

// Record text (a consultation note, a result name) with glossary terms as links. Tap or click a term,
// or Tab to it and press Enter or Space, to open its plain-English explanation (GlossarySheet).
// The text is always escaped by the glossary first, so markup in a note is shown as text.
// Screen readers read the plain text.
Text {
    id: root

    // The text as written in the record.
    property string plainText: ""
    // GlossaryViewModel (or a stand-in); without one the text is shown plain.
    property var glossary: typeof appController !== "undefined" && appController && appController.glossary
                           ? appController.glossary : null
    // Keyboard: which link is selected while this text has focus; -1 when none.
    property int focusedLink: -1
    readonly property var links: glossary && plainText.length > 0 ? glossary.links(plainText) : []
    readonly property int linkCount: links.length
    // The explanation sheet, made the first time a term is opened (notes can hold many of these).
    property var sheet: null
    property bool focusBeforeSheet: false

    signal termOpened(string key)

    function openTerm(key) {
        if (!glossary || !key)
            return false;
        const e = glossary.entry(key);
        if (!e || !e.key)
            return false;
        if (!sheet)
            sheet = sheetComponent.createObject(root);
        focusBeforeSheet = activeFocus;
        sheet.show(e);
        termOpened(key);
        return true;
    }

    function openLink(link) {
        return openTerm(glossary ? glossary.keyForLink(link) : "");
    }

    text: glossary ? glossary.annotate(plainText, activeFocus ? focusedLink : -1) : plainText
    textFormat: glossary ? Text.StyledText : Text.PlainText
    color: Theme.text
    linkColor: Theme.link
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody
    wrapMode: Text.Wrap
    lineHeight: 1.15

    activeFocusOnTab: linkCount > 0
    Accessible.role: Accessible.StaticText
    Accessible.name: plainText
    Accessible.description: linkCount > 0
        ? qsTr("%n term(s) explained. Press Tab to move between them and Enter to open one.", "", linkCount) : ""

    onLinkActivated: link => root.openLink(link)
    // Coming back from the sheet keeps the selected term; Tab in from elsewhere starts at the first.
    onActiveFocusChanged: if (activeFocus && focusedLink < 0 && linkCount > 0) focusedLink = 0
    onLinkCountChanged: if (focusedLink >= linkCount) focusedLink = linkCount - 1

    // Tab walks through the terms, then on to the next control.
    Keys.onTabPressed: event => {
        if (focusedLink < linkCount - 1) {
            focusedLink++;
            event.accepted = true;
        } else {
            focusedLink = -1;
            event.accepted = false;
        }
    }
    Keys.onBacktabPressed: event => {
        if (focusedLink > 0) {
            focusedLink--;
            event.accepted = true;
        } else {
            focusedLink = -1;
            event.accepted = false;
        }
    }
    Keys.onReturnPressed: openSelected()
    Keys.onEnterPressed: openSelected()
    Keys.onSpacePressed: openSelected()
    function openSelected() {
        if (focusedLink >= 0 && focusedLink < linkCount)
            openTerm(links[focusedLink].key);
    }

    HoverHandler {
        cursorShape: root.hoveredLink.length > 0 ? Qt.PointingHandCursor : Qt.ArrowCursor
    }

    Rectangle {
        anchors.fill: parent
        anchors.margins: -Theme.space1
        color: "transparent"
        radius: Theme.radius
        border.color: Theme.focus
        border.width: 3
        visible: root.activeFocus
    }

    Component {
        id: sheetComponent
        GlossarySheet {
            // Back to the term the patient came from.
            onClosed: if (root.focusBeforeSheet) root.forceActiveFocus(Qt.TabFocusReason)
        }
    }
}

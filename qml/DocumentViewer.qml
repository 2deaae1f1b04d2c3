import QtQuick
import QtQuick.Layouts

// One letter or document, read from this device: PDF pages and pictures are drawn by the app's
// "hearthdocument" image provider, plain text is shown as text, anything else says it can't be
// shown here with its date and type. `info` is SectionsViewModel.document(id).
ScrollPage {
    id: page
    property string documentId: ""
    property var info: ({})
    readonly property string kind: info && info.kind ? info.kind : "unsupported"
    readonly property int pageCount: info && info.pageCount ? info.pageCount : 0

    Heading {
        objectName: "documentTitle"
        Layout.fillWidth: true
        text: page.info && page.info.title ? page.info.title : qsTr("Document")
    }
    BodyText {
        Layout.fillWidth: true
        visible: text.length > 0
        text: [page.info && page.info.dateText ? page.info.dateText : "",
               page.info && page.info.typeText ? page.info.typeText : "",
               page.info && page.info.author ? page.info.author : ""].filter(s => s.length > 0).join(" · ")
        color: Theme.secondaryText
    }

    Card {
        objectName: "documentMessage"
        visible: page.kind === "unsupported" || page.kind === "missing" || !(page.info && page.info.found)
        Layout.fillWidth: true
        color: Theme.infoBackground
        BodyText {
            objectName: "documentMessageText"
            Layout.fillWidth: true
            text: page.info && page.info.message ? page.info.message : qsTr("This document can't be shown here.")
        }
    }

    Card {
        objectName: "documentText"
        visible: page.kind === "text"
        Layout.fillWidth: true
        TextEdit {
            objectName: "documentTextEdit"
            Layout.fillWidth: true
            text: page.kind === "text" && page.info.text ? page.info.text : ""
            readOnly: true
            selectByMouse: true
            wrapMode: TextEdit.Wrap
            textFormat: TextEdit.PlainText
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
    }

    // Pages are drawn a few at a time: each is a full-width image, and a long letter drawn all at
    // once would freeze an old phone and hold hundreds of megabytes.
    property int shownPages: 3
    onDocumentIdChanged: shownPages = 3
    Repeater {
        objectName: "documentPages"
        model: page.kind === "pdf" || page.kind === "image" ? Math.min(page.pageCount, page.shownPages) : 0
        delegate: Image {
            required property int index
            Layout.fillWidth: true
            Layout.preferredHeight: implicitWidth > 0 ? width * implicitHeight / implicitWidth : 0
            fillMode: Image.PreserveAspectFit
            cache: false
            source: "image://hearthdocument/" + encodeURIComponent(page.documentId) + "/" + index
            // In steps of 200 px, so resizing the window does not redraw every page at every pixel.
            sourceSize.width: Math.ceil(Math.max(width, 600) * Screen.devicePixelRatio / 200) * 200
            Accessible.role: Accessible.Graphic
            Accessible.name: page.pageCount > 1 ? qsTr("Page %1 of %2").arg(index + 1).arg(page.pageCount)
                                                : (page.info && page.info.title ? page.info.title : qsTr("Document"))
        }
    }
    AppButton {
        objectName: "morePagesButton"
        visible: (page.kind === "pdf") && page.pageCount > page.shownPages
        primary: false
        text: qsTr("Show more pages (%1 of %2 shown)").arg(page.shownPages).arg(page.pageCount)
        Accessible.name: text
        onClicked: page.shownPages += 5
    }
}

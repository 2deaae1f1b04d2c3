import QtQuick
import QtQuick.Window
import QtQuick.Controls.Basic
import QtTest
import Hearth

// GlossaryText with the real GlossaryViewModel (testGlossary): inert markup, links that open the
// explanation by mouse and keyboard, and the A–Z glossary and Appearance settings on More.
TestCase {
    id: tc
    name: "Glossary"
    when: windowShown
    width: 400
    height: 700

    Component {
        id: textComponent
        GlossaryText { width: 360; glossary: testGlossary }
    }
    Component {
        id: plainComponent
        Text { textFormat: Text.PlainText; font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody }
    }
    // Own windows, like the app's: input goes to an active window.
    Component {
        id: keyboardComponent
        Window {
            width: 400
            height: 400
            visible: true
            color: Theme.pageBackground
            property alias before: beforeButton
            property alias note: noteText
            property alias after: afterButton
            Column {
                width: 360
                AppButton { id: beforeButton; text: "Before" }
                GlossaryText { id: noteText; width: 360; glossary: testGlossary; plainText: "c/o cough 5/7, O/E NAD" }
                AppButton { id: afterButton; text: "After" }
            }
        }
    }
    Component { id: mainComponent; Main { } }
    Component { id: controllerComponent; FakeController { } }
    Component { id: recordComponent; FakeRecord { } }
    Component { id: appearanceComponent; FakeAppearance { } }

    function cleanup() {
        Theme.textScale = 1.0;
        Theme.dark = false;
    }

    // What would be drawn for `s` as plain text: the annotated version must measure the same.
    function test_markup_in_a_note_is_inert_data() {
        return [
            { tag: "script", text: "<script>alert('x')</script> NAD" },
            { tag: "img", text: "<img src=http://example.invalid/t.png width=300 height=300> BP & \"quotes\"" },
            { tag: "link", text: "<a href=\"https://example.invalid\">click</a> HbA1c 48 mmol/mol" },
            { tag: "entities", text: "&amp; &lt;b&gt; &#60;i&#62; U&E's" },
            { tag: "font", text: "<font size=7 color=red>BIG</font><b>bold</b><h1>x</h1>" },
        ];
    }
    function test_markup_in_a_note_is_inert(data) {
        const styled = createTemporaryObject(textComponent, tc, { plainText: data.text, wrapMode: Text.NoWrap });
        const plain = createTemporaryObject(plainComponent, tc, { text: data.text });
        verify(styled && plain);
        compare(styled.textFormat, Text.StyledText);
        verify(styled.text.indexOf("<script") < 0 && styled.text.indexOf("<img") < 0 && styled.text.indexOf("<font") < 0);
        verify(styled.text.indexOf("href=\"http") < 0, styled.text);
        fuzzyCompare(styled.implicitWidth, plain.implicitWidth, 1.5, "shown differently from the plain text");
        compare(styled.lineCount, 1);
        compare(testHelper.accessibleName(styled), data.text);
    }

    function test_click_on_a_term_opens_its_explanation() {
        const w = createTemporaryObject(keyboardComponent, tc);
        w.requestActivate();
        waitForRendering(w.contentItem);
        const t = w.note;
        compare(t.linkCount, 4);
        const opened = createTemporaryObject(signalSpyComponent, tc, { target: t, signalName: "termOpened" });
        // Find where NAD is drawn, then click there like a patient would.
        let x = -1;
        for (let px = 0; px < t.width; px += 2) {
            if (t.linkAt(px, t.height / 2) === "glossary:nad") { x = px; break; }
        }
        verify(x >= 0, "NAD is not drawn as a link");
        mouseClick(t, x + 2, t.height / 2);
        compare(opened.count, 1);
        compare(opened.signalArguments[0][0], "nad");
        const sheet = t.sheet;
        verify(sheet);
        tryVerify(() => sheet.opened, 2000);
        compare(findChild(sheet.contentItem, "glossaryTerm").text, "NAD");
        verify(findChild(sheet.contentItem, "glossaryMeans").text.indexOf("Nothing abnormal") === 0);
        verify(findChild(sheet.contentItem, "glossaryUsually").text.length > 20);
        const close = findChild(sheet.contentItem, "glossaryCloseButton");
        verify(close.activeFocus);
        compare(testHelper.accessibleName(close), "Close the explanation of NAD");
        mouseClick(close);
        tryVerify(() => !sheet.visible, 2000);
    }

    Component { id: signalSpyComponent; SignalSpy { } }

    function test_keyboard_reaches_every_term() {
        const c = createTemporaryObject(keyboardComponent, tc);
        c.requestActivate();
        tryVerify(() => c.active, 2000);
        waitForRendering(c.contentItem);
        c.before.forceActiveFocus(Qt.TabFocusReason);
        keyClick(Qt.Key_Tab);
        verify(c.note.activeFocus, "the note is not a tab stop");
        compare(c.note.focusedLink, 0);
        verify(c.note.text.indexOf("<b>c/o</b>") > 0);
        keyClick(Qt.Key_Tab);
        compare(c.note.focusedLink, 1);
        keyClick(Qt.Key_Tab);
        keyClick(Qt.Key_Tab);
        compare(c.note.focusedLink, 3);
        keyClick(Qt.Key_Backtab);
        compare(c.note.focusedLink, 2);
        keyClick(Qt.Key_Return);            // O/E
        tryVerify(() => c.note.sheet && c.note.sheet.opened, 2000);
        compare(findChild(c.note.sheet.contentItem, "glossaryTerm").text, "O/E");
        keyClick(Qt.Key_Escape);
        tryVerify(() => !c.note.sheet.visible, 2000);
        tryVerify(() => c.note.activeFocus, 2000, "focus did not return to the note");
        keyClick(Qt.Key_Tab);
        keyClick(Qt.Key_Tab);               // past the last term: on to the next control
        verify(c.after.activeFocus);
        compare(c.note.focusedLink, -1);
        verify(c.note.text.indexOf("<b>") < 0);
    }

    function test_text_without_terms_or_glossary() {
        const none = createTemporaryObject(textComponent, tc, { plainText: "Feeling much better today." });
        compare(none.linkCount, 0);
        verify(!none.activeFocusOnTab);
        const noGlossary = createTemporaryObject(textComponent, tc, { plainText: "<b>NAD</b>", glossary: null });
        compare(noGlossary.textFormat, Text.PlainText);
        compare(noGlossary.text, "<b>NAD</b>");
        verify(!noGlossary.openTerm("nad"));
    }

    function makeMore(appearance) {
        const record = createTemporaryObject(recordComponent, tc);
        record.fillSample();
        const controller = createTemporaryObject(controllerComponent, tc, { record: record });
        controller.glossary = testGlossary;
        controller.appearance = appearance;
        const win = createTemporaryObject(mainComponent, tc, { controller: controller, width: 390, height: 844 });
        verify(win.showPage("more"));
        waitForRendering(win.contentItem);
        return win;
    }

    function test_glossary_browser_from_more() {
        const win = makeMore(createTemporaryObject(appearanceComponent, tc));
        const more = findChild(win.contentItem, "morePage");
        const link = findChild(win.contentItem, "glossaryLink");
        verify(link.visible);
        more.contentY = Math.max(0, link.y - 20);
        waitForRendering(win.contentItem);
        mouseClick(link);
        const browser = more.glossaryBrowser;
        verify(browser);
        tryVerify(() => browser.opened, 2000);
        verify(browser.searchField.activeFocus);
        const list = findChild(browser.contentItem, "glossaryList");
        verify(list.count >= 200);
        keyClick("e"); keyClick("g"); keyClick("f"); keyClick("r");
        tryCompare(browser.model, "filter", "egfr");
        verify(list.count >= 1 && list.count < 10);
        waitForRendering(win.contentItem);
        const row = list.itemAtIndex(0);
        verify(row);
        compare(row.key, "egfr");
        mouseClick(row);
        tryVerify(() => browser.sheet.opened, 2000);
        compare(findChild(browser.sheet.contentItem, "glossaryTerm").text, "eGFR");
        keyClick(Qt.Key_Escape);
        tryVerify(() => !browser.sheet.visible, 2000);
        keyClick(Qt.Key_Escape);
        tryVerify(() => !browser.visible, 2000);
        compare(browser.model.filter, "");
    }

    function test_appearance_choices_drive_the_theme() {
        const appearance = createTemporaryObject(appearanceComponent, tc);
        const win = makeMore(appearance);
        const more = findChild(win.contentItem, "morePage");
        const card = findChild(win.contentItem, "appearanceCard");
        verify(card.visible);
        const dark = findChild(card, "theme_dark");
        verify(findChild(card, "theme_light").checked);
        more.contentY = Math.max(0, card.y - 20);
        waitForRendering(win.contentItem);
        mouseClick(dark);
        compare(appearance.theme, "dark");
        verify(Theme.dark);
        verify(dark.checked);
        compare(testHelper.accessibleName(dark), "Dark");
        const big = findChild(card, "textScale_200");
        verify(big);
        compare(big.text, "200%");
        more.contentY = Math.max(0, Math.min(more.contentHeight - more.height, card.y + big.y - 40));
        waitForRendering(win.contentItem);
        mouseClick(big);
        compare(appearance.textScale, 2.0);
        compare(Theme.textScale, 2.0);
        // Keyboard: the choices are tab stops and Space picks one.
        const system = findChild(card, "theme_system");
        system.forceActiveFocus(Qt.TabFocusReason);
        keyClick(Qt.Key_Space);
        compare(appearance.theme, "system");
        appearance.systemDark = false;
        verify(!Theme.dark);
        appearance.systemDark = true;
        verify(Theme.dark);
    }

    // The explanation sheet over the A–Z glossary, and the Appearance card, light and dark at phone
    // size; PNGs only when HEARTH_SCREENSHOT_DIR is set.
    function test_screens_render_data() {
        return [ { tag: "light", theme: "light" }, { tag: "dark", theme: "dark" } ];
    }
    function test_screens_render(data) {
        const appearance = createTemporaryObject(appearanceComponent, tc, { theme: data.theme });
        const win = makeMore(appearance);
        compare(Theme.dark, data.theme === "dark");
        const more = findChild(win.contentItem, "morePage");
        const card = findChild(win.contentItem, "appearanceCard");
        more.contentY = Math.max(0, Math.min(more.contentHeight - more.height, card.y - Theme.space3));
        waitForRendering(win.contentItem);
        const dir = testHelper.screenshotDir;
        if (dir)
            verify(testHelper.saveWindow(win, dir + "/more-appearance-" + data.tag + "-390.png"));
        const browser = more.openGlossary();
        tryVerify(() => browser.opened, 2000);
        verify(browser.openTerm("hba1c"));
        tryVerify(() => browser.sheet.opened, 2000);
        waitForRendering(win.contentItem);
        if (dir)
            verify(testHelper.saveWindow(win, dir + "/glossary-sheet-" + data.tag + "-390.png"));
        browser.sheet.close();
        browser.close();
        tryVerify(() => !browser.visible, 2000);
    }
}

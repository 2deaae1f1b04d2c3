import QtQuick
import QtTest
import Hearth

// The record hub and its section pages with fake models: narrow (one column, Back) and wide
// (sidebar + detail), keyboard use, each section's states, drill-down into a consultation and a
// document, and Main's openRecordSection / showPage("record:<section>").
TestCase {
    id: tc
    name: "RecordHub"
    when: windowShown

    Component { id: mainComponent; Main { } }
    Component { id: controllerComponent; FakeController { } }
    Component { id: recordComponent; FakeRecord { } }
    Component { id: sectionsComponent; FakeSections { } }
    Component { id: viewerComponent; DocumentViewer { width: 390; height: 800 } }

    // A long letter is drawn a few pages at a time, with a button for the rest.
    function test_long_pdf_is_drawn_a_few_pages_at_a_time() {
        const viewer = createTemporaryObject(viewerComponent, tc, {
            documentId: "long-letter",
            info: { found: true, kind: "pdf", pageCount: 9, title: "Discharge summary" } });
        const pages = findChild(viewer, "documentPages");
        compare(pages.count, 3);
        const more = findChild(viewer, "morePagesButton");
        verify(more.text.indexOf("3 of 9") >= 0);
        more.clicked();
        compare(pages.count, 8);
        more.clicked();
        compare(pages.count, 9);
        compare(viewer.shownPages >= viewer.pageCount, true);
        viewer.documentId = "another";
        compare(pages.count, 3);
    }

    function makeWindow(w, h) {
        const record = createTemporaryObject(recordComponent, tc);
        record.fillSample();
        const sections = createTemporaryObject(sectionsComponent, tc);
        sections.fillSample();
        const controller = createTemporaryObject(controllerComponent, tc, {
            record: record, sections: sections,
            sectionUpdated: { problems: "Updated 10 minutes ago", consultations: "Updated 2 minutes ago",
                              documents: "Updated 2 minutes ago", allergies: "Updated 10 minutes ago",
                              medicines: "Updated 10 minutes ago", immunisations: "Updated 10 minutes ago" } });
        const win = createTemporaryObject(mainComponent, tc, { controller: controller, width: w || 390, height: h || 844 });
        verify(win);
        waitForRendering(win.contentItem);
        return win;
    }

    function find(root, name) {
        const item = findChild(root, name);
        verify(item, "no item named " + name);
        return item;
    }

    function hub(win) { return find(win.contentItem, "recordPage") }

    function test_narrow_lists_sections_with_counts_then_opens_one_with_back() {
        const win = makeWindow(390, 844);
        verify(win.showPage("record"));
        waitForRendering(win.contentItem);
        const h = hub(win);
        verify(find(h, "sectionIndex").visible);
        verify(!find(h, "sectionDetail").visible);
        const names = ["summary", "problems", "medicines", "allergies", "immunisations", "results", "consultations", "documents"];
        for (const n of names)
            verify(find(h, "section_" + n), n);
        compare(findChild(find(h, "section_problems"), "sectionCount").text, "2 entries");
        compare(findChild(find(h, "section_allergies"), "sectionCount").text, "1 entry");
        compare(testHelper.accessibleName(find(h, "section_problems")), "Health problems. 2 entries. Updated 10 minutes ago");

        mouseClick(find(h, "section_problems"));
        waitForRendering(win.contentItem);
        verify(!find(h, "sectionIndex").visible);
        const page = find(h, "problemsSectionPage");
        compare(findChild(page, "sectionTitle").text, "Health problems");
        compare(findChild(page, "updatedText").text, "Updated 10 minutes ago");
        verify(find(h, "hubBackButton").visible);
        mouseClick(find(h, "hubBackButton"));
        waitForRendering(win.contentItem);
        verify(find(h, "sectionIndex").visible);
        compare(h.currentSection, "");
    }

    function test_wide_shows_sidebar_and_detail_side_by_side() {
        const win = makeWindow(1280, 800);
        verify(win.showPage("record"));
        waitForRendering(win.contentItem);
        const h = hub(win);
        verify(h.wide);
        verify(find(h, "sectionIndex").visible);
        verify(find(h, "sectionDetail").visible);
        verify(find(h, "summarySection"), "summary is the default detail");
        verify(!find(h, "hubBackButton").visible);
        mouseClick(find(h, "section_medicines"));
        waitForRendering(win.contentItem);
        verify(find(h, "sectionIndex").visible, "sidebar stays");
        const meds = find(h, "medicinesSectionPage");
        verify(find(h, "sectionDetail").mapToItem(win.contentItem, 0, 0).x >= find(h, "sectionIndex").width);
        compare(meds.sections.medicines.count, 3);
    }

    function test_keyboard_moves_opens_and_goes_back() {
        const win = makeWindow(390, 844);
        verify(win.showPage("record"));
        waitForRendering(win.contentItem);
        const h = hub(win);
        const list = find(h, "sectionIndexList");
        list.forceActiveFocus();
        verify(list.activeFocus);
        list.currentIndex = 0;
        keyClick(Qt.Key_Down);
        compare(list.currentIndex, 1);
        keyClick(Qt.Key_Down);
        compare(list.currentIndex, 2);
        keyClick(Qt.Key_Return);
        waitForRendering(win.contentItem);
        compare(h.currentSection, "medicines");
        verify(find(h, "medicinesSectionPage"));
        keyClick(Qt.Key_Escape);
        waitForRendering(win.contentItem);
        compare(h.currentSection, "");
        verify(list.activeFocus, "focus returns to the list");
        compare(list.currentIndex, 2);
        keyClick(Qt.Key_Return);
        compare(h.currentSection, "medicines");
        keyClick(Qt.Key_Backspace);
        compare(h.currentSection, "");
    }

    function test_focus_ring_on_the_current_row() {
        const win = makeWindow(1280, 800);
        verify(win.showPage("record:consultations"));
        waitForRendering(win.contentItem);
        const list = find(find(win.contentItem, "consultationsSectionPage"), "sectionList");
        list.forceActiveFocus();
        list.currentIndex = 0;
        waitForRendering(win.contentItem);
        verify(list.currentItem.keyboardFocus);
        keyClick(Qt.Key_Down);
        verify(list.currentItem.keyboardFocus);
        compare(list.currentIndex, 1);
        keyClick(Qt.Key_Return);
        waitForRendering(win.contentItem);
        compare(win.controller.sections.opened, ["consultation:e1"]);
        verify(find(win.contentItem, "consultationDetail"));
    }

    function test_show_page_and_open_record_section() {
        const win = makeWindow(390, 844);
        for (const n of win.recordSections) {
            verify(win.showPage("record:" + n), n);
            compare(win.currentPageName, "record");
            compare(hub(win).currentSection, n);
        }
        verify(!win.showPage("record:nonsense"));
        verify(win.showPage("home"));
        verify(win.openRecordSection("documents", "d-letter"));
        waitForRendering(win.contentItem);
        compare(win.currentPageName, "record");
        const viewer = find(win.contentItem, "documentViewer");
        compare(findChild(viewer, "documentTitle").text, "Clinic letter");
        // Back: the viewer, then the section, then the page history.
        verify(win.back());
        verify(!findChild(win.contentItem, "documentViewer") || !findChild(win.contentItem, "documentViewer").visible);
        verify(win.back());
        compare(hub(win).currentSection, "");
        verify(win.back());
        compare(win.currentPageName, "home");
    }

    function test_results_opens_without_breaking() {
        const win = makeWindow(390, 844);
        verify(win.showPage("record:results"));
        waitForRendering(win.contentItem);
        verify(hub(win).sectionItem !== null);
    }

    function test_section_states_data() {
        return [
            { tag: "loading", status: 0, visible: "loadingState" },
            { tag: "empty", status: 1, visible: "emptyState" },
            { tag: "error", status: 2, visible: "errorState" },
        ];
    }

    function test_section_states(data) {
        const win = makeWindow(390, 844);
        const sections = win.controller.sections;
        sections.allergies.clear();
        sections.allergies.status = data.status;
        sections.allergies.errorText = "We could not open this part of your record on this device.";
        verify(win.showPage("record:allergies"));
        waitForRendering(win.contentItem);
        const page = find(win.contentItem, "allergiesSectionPage");
        for (const s of ["loadingState", "emptyState", "errorState"])
            compare(findChild(page, s).visible, s === data.visible, s);
        if (data.status === 1)
            compare(findChild(page, "emptyState").text, "No allergies recorded");
        if (data.status === 2) {
            mouseClick(findChild(page, "retryButton"));
            compare(sections.reloads, 1);
        }
    }

    function test_unsupported_entry_is_shown_not_dropped() {
        const win = makeWindow(390, 844);
        verify(win.showPage("record:problems"));
        waitForRendering(win.contentItem);
        const list = find(find(win.contentItem, "problemsSectionPage"), "sectionList");
        compare(list.count, 3);
        let found = false;
        for (let i = 0; i < list.count; ++i) {
            list.currentIndex = i;
            const item = list.currentItem;
            if (item && item.title === "This entry can't be shown here") {
                found = true;
                compare(item.dateText, "2 February 2020");
                compare(item.detail, "Type: Health problem");
            }
        }
        verify(found);
    }

    function test_immunisations_schedule_for_a_child() {
        const win = makeWindow(390, 844);
        verify(win.showPage("record:immunisations"));
        waitForRendering(win.contentItem);
        const page = find(win.contentItem, "immunisationsSectionPage");
        verify(!find(page, "scheduleSwitch").visible, "adults see no schedule");
        win.controller.sections.showSchedule = true;
        waitForRendering(win.contentItem);
        verify(find(page, "scheduleSwitch").visible);
        mouseClick(find(page, "scheduleButton"));
        waitForRendering(win.contentItem);
        const schedule = find(page, "scheduleList");
        verify(schedule.visible);
        verify(findChild(schedule, "introText").text.indexOf("ask your GP practice") >= 0);
        compare(schedule.list.count, 3);
        // Back leaves the schedule first.
        verify(win.back());
        verify(!schedule.visible);
    }

    // Privacy: signing out closes the open consultation, so the next person to sign in on this
    // device never sees the last person's notes behind "Your health".
    function test_sign_out_closes_the_open_entry_data() {
        return [ { tag: "phone", w: 390, h: 844 }, { tag: "desktop", w: 1280, h: 800 } ];
    }
    function test_sign_out_closes_the_open_entry(data) {
        const win = makeWindow(data.w, data.h);
        verify(win.openRecordSection("consultations", "e1"));
        waitForRendering(win.contentItem);
        verify(findChild(win.contentItem, "consultationDetail") !== null);
        win.controller.state = 1;
        win.controller.state = 4;
        verify(win.showPage("record"));
        waitForRendering(win.contentItem);
        const detail = findChild(win.contentItem, "consultationDetail");
        verify(detail === null || !detail.visible, "the last consultation is still open after sign-out");
        const hub = findChild(win.contentItem, "recordPage");
        compare(hub.currentSection, "");
    }

    function test_consultation_detail_shows_notes_and_entries() {
        const win = makeWindow(390, 844);
        verify(win.openRecordSection("consultations", "e1"));
        waitForRendering(win.contentItem);
        const detail = find(win.contentItem, "consultationDetail");
        compare(findChild(detail, "consultationTitle").text, "Telephone encounter");
        compare(findChild(detail, "consultationDate").text, "14 June 2021, 09:10");
        verify(!findChild(detail, "noNotes").visible);
        compare(findChild(detail, "notesRepeater").count, 1);
        // The note is glossary text: given the real glossary, its abbreviations become links and
        // the text itself stays exactly as written.
        const note = findChild(detail, "notesRepeater").itemAt(0);
        compare(note.plainText, "c/o thirst 3/52, polyuria. O/E well. Plan: HbA1c, F/U 2/52.");
        note.glossary = testGlossary;
        verify(note.linkCount >= 4, "links in the note: " + note.linkCount);
        verify(note.text.indexOf("glossary:") >= 0);
        compare(findChild(detail, "entriesRepeater").count, 1);
        verify(win.openRecordSection("consultations", "gone"));
        waitForRendering(win.contentItem);
        const missing = find(win.contentItem, "consultationDetail");
        compare(findChild(missing, "consultationMessage").text, "This consultation is no longer in your record.");
    }

    function test_documents_text_unsupported_and_missing() {
        const win = makeWindow(390, 844);
        verify(win.openRecordSection("documents", "d-letter"));
        waitForRendering(win.contentItem);
        let viewer = find(win.contentItem, "documentViewer");
        verify(findChild(viewer, "documentText").visible);
        compare(findChild(viewer, "documentTextEdit").text, "Dear patient,\nYour blood test was normal.\n");
        verify(!findChild(viewer, "documentMessage").visible);

        verify(win.openRecordSection("documents", "d-scan"));
        waitForRendering(win.contentItem);
        viewer = find(win.contentItem, "documentViewer");
        verify(findChild(viewer, "documentMessage").visible);
        verify(findChild(viewer, "documentMessageText").text.indexOf("can't be shown here") >= 0);
        verify(findChild(viewer, "documentMessageText").text.indexOf("5 January 2021") >= 0);
        verify(!findChild(viewer, "documentText").visible);

        verify(win.openRecordSection("documents", "d-discharge"));
        waitForRendering(win.contentItem);
        viewer = find(win.contentItem, "documentViewer");
        verify(findChild(viewer, "documentMessage").visible);
    }

    function test_load_more_asks_for_the_next_page() {
        const win = makeWindow(390, 844);
        win.controller.sections.consultations.canLoadMore = true;
        verify(win.showPage("record:consultations"));
        waitForRendering(win.contentItem);
        const page = find(win.contentItem, "consultationsSectionPage");
        const list = find(page, "sectionList");
        list.positionViewAtEnd();
        waitForRendering(win.contentItem);
        const more = findChild(list.footerItem, "loadMoreButton");
        verify(more && more.visible);
        mouseClick(more);
        compare(win.controller.sections.loadMoreCalls, ["consultations"]);
    }

    // Screenshots of every section (only saved when HEARTH_SCREENSHOT_DIR is set).
    function test_section_screenshots_data() {
        const rows = [];
        for (const size of [[390, 844], [1280, 800]])
            for (const dark of [false, true])
                for (const s of ["hub", "problems", "medicines", "allergies", "immunisations", "consultations", "documents"])
                    rows.push({ tag: "section-" + s + "-" + size[0] + (dark ? "-dark" : ""), section: s, w: size[0], h: size[1], dark: dark });
        return rows;
    }

    function test_section_screenshots(data) {
        Theme.dark = data.dark;
        const win = makeWindow(data.w, data.h);
        verify(win.showPage(data.section === "hub" ? "record" : "record:" + data.section));
        if (data.section === "immunisations")
            win.controller.sections.showSchedule = true;
        waitForRendering(win.contentItem);
        wait(30);
        const dir = testHelper.screenshotDir;
        if (dir.length > 0)
            verify(testHelper.saveWindow(win, dir + "/" + data.tag + ".png"));
        Theme.dark = false;
    }
}

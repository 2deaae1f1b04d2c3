import QtQuick

// Stands in for hearth::SectionsViewModel: one list per section, counts, details; calls are counted.
QtObject {
    id: fake
    property FakeSectionList problems: FakeSectionList { emptyText: "No health problems recorded" }
    property FakeSectionList medicines: FakeSectionList { emptyText: "No medicines recorded" }
    property FakeSectionList allergies: FakeSectionList { emptyText: "No allergies recorded" }
    property FakeSectionList immunisations: FakeSectionList { emptyText: "No vaccinations recorded" }
    property FakeSectionList schedule: FakeSectionList { emptyText: "No vaccination schedule to show" }
    property FakeSectionList consultations: FakeSectionList { emptyText: "No consultations recorded" }
    property FakeSectionList documents: FakeSectionList { emptyText: "No documents or letters yet" }
    property bool showSchedule: false
    property var counts: ({ problems: 2, medicines: 3, allergies: 1, immunisations: 2, consultations: 2, documents: 3 })
    property int reloads: 0
    property var loadMoreCalls: []
    property var opened: []

    function reload() { reloads++ }
    function loadMore(section) { loadMoreCalls = loadMoreCalls.concat([section]) }

    function consultation(id) {
        opened = opened.concat(["consultation:" + id]);
        if (id !== "e1")
            return { found: false, message: "This consultation is no longer in your record." };
        return { found: true, title: "Telephone encounter", dateText: "14 June 2021, 09:10", clinician: "Dr Sarah Jones",
                 place: "Riverside Medical Practice", reason: "Feeling thirsty",
                 notes: ["c/o thirst 3/52, polyuria. O/E well. Plan: HbA1c, F/U 2/52."],
                 entries: [{ title: "HbA1c level 58 mmol/mol", kind: "Test or measurement", dateText: "14 June 2021, 09:18", supported: true }] };
    }

    function document(id) {
        opened = opened.concat(["document:" + id]);
        if (id === "d-letter")
            return { found: true, title: "Clinic letter", typeText: "Report of clinical encounter", dateText: "6 May 2024, 10:00",
                     author: "Dr Sarah Jones", kind: "text", text: "Dear patient,\nYour blood test was normal.\n" };
        if (id === "d-scan")
            return { found: true, title: "Scan image", typeText: "X-ray image", dateText: "5 January 2021", kind: "unsupported",
                     message: "This document can't be shown here. It is dated 5 January 2021 and its type is X-ray image. Your GP practice can give you a copy." };
        return { found: true, title: "Discharge summary", typeText: "Discharge summary", dateText: "1 February 2023",
                 kind: "missing", message: "This document can't be shown here yet: it has not been downloaded to this device." };
    }

    function fillSample() {
        problems.fill([
            { resourceId: "c1", title: "Type 2 diabetes mellitus", group: "Current problems", flag: "active", flagText: "Active", dateText: "Started 14 June 2021" },
            { resourceId: "c2", title: "Fracture of wrist", group: "Past problems", flag: "past", flagText: "Past", dateText: "Started 10 January 2015", secondary: "Resolved 2 March 2015" },
            { resourceId: "c3", title: "This entry can't be shown here", group: "Current problems", detail: "Type: Health problem", dateText: "2 February 2020", supported: false }]);
        medicines.fill([
            { resourceId: "m1", title: "Metformin 500mg tablets", group: "Repeat prescriptions", detail: "One tablet twice a day with food", secondary: "Quantity: 56 tablets", dateText: "Last issued 13 October 2026", flag: "repeat", flagText: "Repeat" },
            { resourceId: "m2", title: "Amoxicillin 250mg capsules", group: "One-off prescriptions", detail: "One capsule three times a day", dateText: "Prescribed 10 November 2026", flag: "acute", flagText: "One-off" },
            { resourceId: "m3", title: "Simvastatin 20mg tablets", group: "Past medicines", dateText: "Started 1 March 2019", flag: "past", flagText: "Past" }]);
        allergies.fill([
            { resourceId: "a1", title: "Peanuts", group: "Allergies and reactions", detail: "Reaction: Anaphylaxis", secondary: "Severe reaction", flag: "severe", flagText: "Severe", dateText: "Recorded 20 August 2005" }]);
        immunisations.fill([
            { resourceId: "i1", title: "Influenza vaccine", dateText: "Given 10 October 2025" },
            { resourceId: "i2", title: "COVID-19 mRNA vaccine", dateText: "Given 12 April 2021" }]);
        schedule.fill([
            { resourceId: "i9", title: "6-in-1 vaccine, 1st dose", group: "At 8 weeks", flag: "given", flagText: "Given", dateText: "Given on 28 July 2026" },
            { title: "Rotavirus vaccine, 1st dose", group: "At 8 weeks", flag: "notRecorded", flagText: "Not recorded", dateText: "Not recorded", detail: "If you think this was given, or you're not sure, ask your GP practice." },
            { title: "MMR vaccine, 1st dose", group: "At 1 year", flag: "notDue", flagText: "Not due yet", dateText: "Not due yet: usually from 1 June 2027" }]);
        consultations.fill([
            { resourceId: "e2", title: "GP consultation", detail: "Dr Amir Khan, Riverside Medical Practice", dateText: "4 May 2024, 00:30" },
            { resourceId: "e1", title: "Telephone encounter", detail: "Dr Sarah Jones, Riverside Medical Practice", secondary: "Reason: Feeling thirsty", dateText: "14 June 2021, 09:10" }]);
        documents.fill([
            { resourceId: "d-letter", title: "Clinic letter", detail: "Report of clinical encounter, Dr Sarah Jones", dateText: "6 May 2024, 10:00", flag: "text", flagText: "Text" },
            { resourceId: "d-discharge", title: "Discharge summary", dateText: "1 February 2023", flag: "missing", flagText: "Not on this device yet" },
            { resourceId: "d-scan", title: "Scan image", detail: "X-ray image", dateText: "5 January 2021", flag: "unsupported", flagText: "Can't be shown here" }]);
    }
}

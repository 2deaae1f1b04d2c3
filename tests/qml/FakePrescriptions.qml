import QtQuick

// Stands in for hearth::PrescriptionsViewModel: the three lists, the order and the calls, counted.
// The order behaves like the real one where the tests lean on it (state moves on at submit), but
// counts every submit() call, so a page that calls it twice is caught.
QtObject {
    id: fake
    property ListModel medicines: ListModel {
        property int status: 3
        property string emptyText: "No medicines recorded"
        property string errorText: ""
    }
    property ListModel requests: ListModel {
        property int status: 3
        property string emptyText: "You have not ordered any repeat prescriptions in Hearth yet"
        property string errorText: ""
    }
    property ListModel timeline: ListModel {
        property int status: 3
        property string emptyText: "Nothing to show yet"
        property string errorText: ""
    }
    property int orderableCount: 0
    property var openedRequest: ({ found: false })
    property var runningLow: null
    property int reloads: 0
    property var retried: []
    property var openedKeys: []

    property QtObject order: QtObject {
        id: order
        property int state: 0                 // Editing 0, Storing 1, Stored 2, Failed 3
        property var selectedIds: []
        readonly property int selectedCount: selectedIds.length
        property var selectedItems: []
        property string note: ""
        property int maxNoteLength: 500
        readonly property bool noteTooLong: note.length > maxNoteLength
        readonly property string noteCounterText: noteTooLong ? "You have " + (note.length - maxNoteLength) + " characters too many"
                                                              : "You have " + (maxNoteLength - note.length) + " characters remaining"
        property string pharmacyChoice: "nominated"
        property bool hasNominatedPharmacy: true
        property string nominatedPharmacyText: "Hyde Park Pharmacy, LS6 2AB"
        property bool otherPharmacyAvailable: false
        property string otherPharmacyUnavailableText: "Choosing a different pharmacy for one order is not available in Hearth yet."
        property string otherPharmacyText: ""
        readonly property bool canReview: state === 0 && selectedIds.length > 0
        readonly property bool canSubmit: canReview && !noteTooLong
        readonly property string blockedText: state !== 0 ? "" : selectedIds.length === 0 ? "Choose at least one medicine." : ""
        property string outcome: ""
        property string resultTitle: state === 1 ? "Sending your request…" : state === 2 ? "Request sent" : ""
        property string resultText: state === 2 ? "Your request has been sent to your GP surgery." : ""
        property string errorText: ""
        property int submitCalls: 0
        // false: submit() leaves the state alone, so only the page's own guard stops a second call.
        property bool movesOnSubmit: true
        property int startNewCalls: 0

        function isSelected(id) { return selectedIds.indexOf(id) >= 0 }
        function setSelected(id, on) {
            if (state !== 0)
                return false;
            let row = null;
            for (let i = 0; i < fake.medicines.count; ++i)
                if (fake.medicines.get(i).templateId === id)
                    row = fake.medicines.get(i);
            if (on && (!row || !row.orderable))
                return false;
            const ids = selectedIds.filter(x => x !== id);
            if (on)
                ids.push(id);
            selectedIds = ids;
            selectedItems = ids.map(x => ({ id: x, name: x, detail: "", quantityText: "" }));
            return true;
        }
        function toggle(id) { setSelected(id, !isSelected(id)) }
        // Counts every call; only the first one while editing moves the state on.
        function submit() {
            submitCalls++;
            if (state === 0 && movesOnSubmit)
                state = 1;
        }
        function resume() { if (state === 3) state = 0 }
        function startNew() { startNewCalls++; state = 0; selectedIds = []; selectedItems = []; note = "" }
    }

    function reload() { reloads++ }
    function retry(clientId) { retried = retried.concat([clientId]); return true }
    function openRequest(key) {
        openedKeys = openedKeys.concat([key]);
        for (let i = 0; i < requests.count; ++i) {
            const r = requests.get(i);
            if (r.key === key) {
                openedRequest = { found: true, key: r.key, clientId: r.clientId, name: r.name, statusText: r.statusText,
                                  statusKind: r.statusKind, dateText: r.dateText, detail: r.detail,
                                  refusalText: r.refusalText, canRetry: r.canRetry, group: r.group,
                                  pharmacyText: "Hyde Park Pharmacy, LS6 2AB", note: "" };
                return true;
            }
        }
        openedRequest = { found: false, key: key };
        return false;
    }

    function fillSample() {
        medicines.clear();
        const meds = [
            { templateId: "mr-amlodipine", name: "Amlodipine 5mg tablets", detail: "One tablet a day", quantityText: "Quantity: 28 tablets",
              lastIssuedText: "Last issued 1 November 2026", nextDueText: "Next supply due around 29 November 2026", orderable: true,
              reasonText: "", group: "Repeat prescriptions you can order" },
            { templateId: "mr-metformin", name: "Metformin 500mg tablets", detail: "One tablet twice a day", quantityText: "Quantity: 56 tablets",
              lastIssuedText: "Last issued 1 November 2026", nextDueText: "", orderable: true, reasonText: "",
              group: "Repeat prescriptions you can order" },
            { templateId: "mr-sumatriptan", name: "Sumatriptan 50mg tablets", detail: "One when needed", quantityText: "",
              lastIssuedText: "Not issued yet", nextDueText: "", orderable: false,
              reasonText: "Your GP surgery asks you to order this one by contacting them, not online.",
              group: "Repeat prescriptions you cannot order online" }];
        for (const m of meds)
            medicines.append(Object.assign({ accessibleText: m.name }, m));
        orderableCount = 2;
        requests.clear();
        const reqs = [
            { key: "c-refused", clientId: "c-refused", taskId: "", name: "Metformin 500mg tablets", statusText: "Not sent — try again",
              statusKind: "refused", dateText: "21 November 2026 at 09:30", detail: "",
              refusalText: "Your GP surgery's system said: “This medicine needs a review first”", canRetry: true,
              group: "Requested 21 November 2026 at 09:30" },
            { key: "task-1", clientId: "", taskId: "task-1", name: "Amlodipine 5mg tablets", statusText: "Ready to collect",
              statusKind: "ready", dateText: "20 November 2026 at 14:30", detail: "At Hyde Park Pharmacy, LS6 2AB",
              refusalText: "", canRetry: false, group: "Requested 18 November 2026 at 08:00" }];
        for (const r of reqs)
            requests.append(Object.assign({ accessibleText: r.name + ". " + r.statusText }, r));
        timeline.clear();
        const steps = [["Requested", "18 November 2026 at 08:00", true, false], ["Being reviewed by your GP surgery", "18 November 2026 at 10:00", true, false],
                       ["Approved", "19 November 2026 at 09:00", true, false], ["Prescription sent to your pharmacy", "19 November 2026 at 09:05", true, false],
                       ["Ready to collect", "20 November 2026 at 14:30", true, true], ["Collected", "Not yet", false, false]];
        for (const s of steps)
            timeline.append({ title: s[0], dateText: s[1], detail: "", reached: s[2], current: s[3], accessibleText: s[0] });
    }
}

import QtQuick

// Stands in for RunningLowModel: roles templateId, medication, daysLeft, message; dismiss() records
// its argument and removes the row, as the real model does once the dismissal is saved.
ListModel {
    id: model
    property var dismissed: []

    function fillSample() {
        clear();
        append({ templateId: "t-amlodipine", medication: "Amlodipine 5mg tablets", daysLeft: 6,
                 message: "About 6 days of Amlodipine 5mg tablets left — order now?" });
        append({ templateId: "t-salbutamol", medication: "Salbutamol 100micrograms inhaler", daysLeft: 2,
                 message: "About 2 days of Salbutamol 100micrograms inhaler left — order now?" });
    }
    function fillMany() {
        fillSample();
        append({ templateId: "t-ramipril", medication: "Ramipril 5mg capsules", daysLeft: 3,
                 message: "About 3 days of Ramipril 5mg capsules left — order now?" });
        append({ templateId: "t-omeprazole", medication: "Omeprazole 20mg capsules", daysLeft: 9,
                 message: "About 9 days of Omeprazole 20mg capsules left — order now?" });
    }
    function dismiss(templateId) {
        dismissed = dismissed.concat([templateId]);
        for (let i = 0; i < count; ++i) {
            if (get(i).templateId === templateId) {
                remove(i);
                return true;
            }
        }
        return false;
    }
}

import * as path from "path";
import * as vox from "pulumi-vox";

// One campaign per file in campaigns/, named after the file: campaigns/renewal-reminder.yaml declares
// "renewal-reminder". Every file is validated before anything is declared; a bad file stops the program
// with its file, line and field. Deleting a file cancels its campaign.
const files = vox.loadCampaignFiles(path.join(__dirname, "campaigns"));

export const campaigns = Object.fromEntries(
  files.map((file) => {
    const campaign = new vox.Campaign(file.resourceName, file.args);
    return [file.resourceName, { id: campaign.id, status: campaign.status, taskCount: campaign.taskCount }];
  }),
);

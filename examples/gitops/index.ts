import * as path from "path";
import * as vox from "pulumi-vox";

// One campaign per file in campaigns/, named after the file: campaigns/renewal-reminder.yaml declares
// "renewal-reminder". Every file is validated before anything is declared; a bad file stops the program
// with its file, line and field. Deleting a file cancels its campaign.
const files = vox.loadCampaignFiles(path.join(__dirname, "campaigns"));

// Only values the program decides are exported: an update plan (`pulumi up --plan`, docs/gitops.md) fixes
// the stack's outputs too, and a status or call count that moves between review and merge would refuse it.
export const campaigns = Object.fromEntries(
  files.map((file) => {
    const campaign = new vox.Campaign(file.resourceName, file.args);
    return [file.resourceName, { id: campaign.id, taskCount: campaign.taskCount }];
  }),
);

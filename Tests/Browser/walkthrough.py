#!/usr/bin/env python3
"""A coordinator's day in `signatory ui`, in a real browser (Debian's chromium and
chromium-driver through Selenium), then the same steps through the CLI.

    walkthrough.py --signatory BIN --workdir DIR --screenshots DIR

Writes DIR/ui/geneva.db (the steps through the web app) and DIR/cli/geneva.db (the same steps
through the CLI); the Swift test that runs this script compares their `sync dump`s. Exits
non-zero, with the step that failed, on any unexpected page.
"""
import argparse
import csv
import json
import os
import re
import subprocess
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

LEAD = "Doctors Against Forced Organ Harvesting"
BODY = "On the World Day against Trafficking in Persons, the undersigned call for an end to forced organ harvesting."
AT_RISK = {"name": "Lucica Humenuc", "email": "l.humenuc@sirdo.example", "phone": "+40215550100"}
SIGN_ON = [
    ["Organisation", "Acronym", "Country", "ECOSOC status", "Contact name", "Title", "Email", "Consent"],
    ["Association des Droits de l'Homme", "ADH", "FR", "special", "Marie Dupont", "Director", "m.dupont@adh.example", "yes"],
    ["Human Rights Observers", "HRO", "CH", "roster", "Jean Martin", "Secretary", "j.martin@hro.example", "no"],
]


class Office:
    """One office's database, driven through the CLI."""

    def __init__(self, signatory, path):
        self.signatory, self.path = signatory, path

    def run(self, *args, stdin=None):
        result = subprocess.run([self.signatory, *args, "--db", self.path], capture_output=True, text=True, input=stdin)
        if result.returncode != 0:
            sys.exit(f"signatory {' '.join(args)} failed: {result.stderr}")
        return result.stdout

    def json(self, *args):
        return json.loads(self.run(*args, "--json"))


def offices(signatory, folder):
    """Geneva and Bucharest, each trusting the other."""
    os.makedirs(folder, exist_ok=True)
    geneva = Office(signatory, os.path.join(folder, "geneva.db"))
    bucharest = Office(signatory, os.path.join(folder, "bucharest.db"))
    geneva.run("init", "--office", "Geneva")
    bucharest.run("init", "--office", "Bucharest")
    for office, other in [(geneva, bucharest), (bucharest, geneva)]:
        card = os.path.join(folder, f"{os.path.basename(other.path)}.card")
        with open(card, "w") as handle:
            handle.write(other.run("office", "card"))
        office.run("office", "trust", card)
    geneva.run("org", "add", "--name", LEAD, "--acronym", "DAFOH", "--country", "US", "--ecosoc", "special")
    return geneva, bucharest


def exchange(sender, receiver, folder, name):
    bundle = os.path.join(folder, name)
    sender.run("sync", "export", "--plaintext", "--out", bundle)
    receiver.run("sync", "import", bundle)


def concurrent_edit(geneva, bucharest, folder):
    """Bucharest and Geneva rename CAP offline; Geneva then receives Bucharest's bundle: a conflict."""
    exchange(geneva, bucharest, folder, "to-bucharest.bundle")
    bucharest.run("org", "edit", "CAP", "--name", "CAP Liberte de Conscience (Paris)")
    geneva.run("org", "edit", "CAP", "--name", "CAP Liberté de Conscience, Paris")
    exchange(bucharest, geneva, folder, "to-geneva.bundle")


def write_sign_on(folder):
    path = os.path.join(folder, "sign-on.csv")
    with open(path, "w", newline="") as handle:
        csv.writer(handle).writerows(SIGN_ON)
    return path


def browser(downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800",
                     "--lang=en-GB"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": downloads,
                                              "download.prompt_for_download": False,
                                              "intl.accept_languages": "en-GB,en"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    viewport(driver, 1280, 800)
    return driver


def viewport(driver, width, height):
    """The page's own size, so screenshots are exactly width × height whatever the window adds."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


class Walk:
    def __init__(self, driver, shots):
        self.driver, self.shots = driver, shots

    def expect(self, text, step):
        """Waits up to 20 s for `text`: a click that submits a form returns before the next page loads."""
        for _ in range(200):
            if text in self.driver.page_source:
                return
            time.sleep(0.1)
        if text not in self.driver.page_source:
            self.driver.save_screenshot(os.path.join(self.shots, "failed.png"))
            sys.exit(f"{step}: the page at {self.driver.current_url} lacks {text!r}")

    def refuse(self, text, step):
        """Checks the page just loaded (with `driver.get`, which waits) lacks `text`."""
        if text in self.driver.page_source:
            sys.exit(f"{step}: the page at {self.driver.current_url} shows {text!r}")

    def element(self, field):
        """Waits up to 20 s for the element: a click returns before the next page has loaded."""
        for _ in range(200):
            found = self.driver.find_elements(By.ID, field)
            if found:
                return found[0]
            time.sleep(0.1)
        self.driver.save_screenshot(os.path.join(self.shots, "failed.png"))
        sys.exit(f"the page at {self.driver.current_url} has no element {field!r}")

    def select(self, field, value=None, text=None):
        choice = Select(self.element(field))
        choice.select_by_value(value) if text is None else choice.select_by_visible_text(text)

    def fill(self, field, value):
        element = self.element(field)
        element.clear()
        element.send_keys(value)

    def tick(self, field):
        element = self.element(field)
        if not element.is_selected():
            element.click()

    def submit(self, button):
        self.element(button).click() if not button.startswith("//") else \
            self.driver.find_element(By.XPATH, button).click()

    def shot(self, name):
        self.driver.save_screenshot(os.path.join(self.shots, name + ".png"))

    def link(self, text):
        self.driver.find_element(By.LINK_TEXT, text).click()


def through_the_browser(args, folder, sign_on):
    geneva, bucharest = offices(args.signatory, folder)
    server = subprocess.Popen([args.signatory, "ui", "--db", geneva.path, "--port", "0"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        address = server.stdout.readline().split()[-1]
        downloads = os.path.join(os.path.dirname(folder), "downloads")
        os.makedirs(downloads, exist_ok=True)
        driver = browser(downloads)
        try:
            walk(Walk(driver, args.screenshots), address, geneva, bucharest, folder, sign_on, downloads)
        finally:
            driver.quit()
    finally:
        server.terminate()
        server.wait(timeout=30)


def walk(w, address, geneva, bucharest, folder, sign_on, downloads):
    d = w.driver
    base = address.split("/login")[0]
    d.get(address)
    w.expect("No campaign yet", "sign in")
    w.fill("campaign-name", "World Day against Trafficking in Persons 2026")
    w.submit("//button[@type='submit']")
    w.expect("Campaign created.", "create a campaign")
    w.fill("statement-title", "End forced organ harvesting")
    w.fill("statement-body", BODY)
    w.select("statement-lead", text=f"{LEAD} (DAFOH)")
    w.submit("//form[contains(@action, '/statements')]//button")
    w.expect("Statement created.", "create a statement")
    statement_page = d.current_url.split("?")[0]
    w.select("next-status", "open")
    w.submit("//form[contains(@action, '/status')]//button")
    w.expect("Status changed.", "open the statement")

    # A co-signer by form, with its contact.
    w.link("Add a co-signer")
    w.fill("org-name", "CAP Liberté de Conscience")
    w.fill("org-acronym", "CAP")
    w.fill("org-country", "FR")
    w.submit("check")
    w.expect("A new organisation", "check a new organisation")
    w.select("org-ecosoc", "special")
    w.fill("contact-name", "Thierry Valle")
    w.fill("contact-title", "Director")
    w.fill("contact-email", "t.valle@cap-lc.example")
    w.tick("contact-consent")
    w.submit("add")
    w.expect("Co-signer added.", "add CAP")

    # A second, whose contact is at risk.
    w.link("Add a co-signer")
    w.fill("org-name", "Romanian Independent Society of Human Rights")
    w.fill("org-acronym", "SIRDO")
    w.fill("org-country", "RO")
    w.submit("check")
    w.select("org-ecosoc", "special")
    w.fill("contact-name", AT_RISK["name"])
    w.fill("contact-title", "Director")
    w.fill("contact-email", AT_RISK["email"])
    w.fill("contact-phone", AT_RISK["phone"])
    w.tick("contact-risk")
    w.tick("contact-consent")
    w.submit("add")
    w.expect("Co-signer added.", "add SIRDO")
    w.expect("AT RISK", "the internal page marks the person at risk")

    # The same organisation typed again: found, and not created twice without a tick.
    w.link("Add a co-signer")
    w.fill("org-name", "CAP Liberte de Conscience")
    w.fill("org-country", "FR")
    w.submit("check")
    w.expect("matched by name and country", "the sign-on matching finds CAP")
    w.element("org-new").click()
    w.submit("add")
    w.expect("Nothing was added", "a second CAP needs a tick")
    w.shot("cosigner-duplicate-warning")
    d.get(statement_page)

    # A sign-on CSV: preview, then import.
    w.link("Import a sign-on CSV")
    w.element("import-file").send_keys(sign_on)
    w.submit("preview")
    w.expect("Preview: nothing written yet", "preview the sign-on file")
    w.expect("Association des Droits de l", "the preview lists the rows")
    w.shot("import-preview")
    w.submit("confirm-import")
    w.expect("<h1>Imported</h1>", "import the sign-on file")
    w.expect("2 created", "import the sign-on file")
    d.get(statement_page)
    w.shot("statement")
    d.get(statement_page + "#cosigners")
    w.shot("statement-cosigners")

    # The printable page and the coalition's sheet leave the person at risk out.
    d.get(statement_page + "/print")
    w.expect("Thierry Valle", "the printable page names consenting contacts")
    for value in AT_RISK.values():
        w.refuse(value, "the printable page")
    d.get(statement_page)
    w.link("Contact sheets")
    w.expect("1 at risk", "the sheet says who is left out")
    w.shot("contact-sheets")
    d.find_element(By.XPATH, "//section[@aria-labelledby='audience-coalition']//a[text()='CSV']").click()
    sheet = os.path.join(downloads, "contacts-coalition.csv")
    for _ in range(100):
        if os.path.exists(sheet):
            break
        time.sleep(0.1)
    with open(sheet, encoding="utf-8") as handle:
        text = handle.read()
    if "Thierry Valle" not in text or any(value in text for value in AT_RISK.values()):
        sys.exit("the coalition sheet should name Thierry Valle and leave the person at risk out")

    # A conflict from Bucharest's bundle, settled in the browser.
    concurrent_edit(geneva, bucharest, folder)
    d.get(base + "/sync")
    w.expect("CAP Liberte de Conscience (Paris)", "the conflict shows both values")
    w.shot("sync")
    d.find_element(By.XPATH, "//input[@value='other']").click()
    d.find_element(By.XPATH, "//article[@class='conflict']//button").click()
    w.expect("Conflict settled", "settle the conflict")
    w.expect("No open conflict.", "no conflict is left")
    d.get(base + "/")
    w.shot("start")

    # At 200% zoom a 1280-pixel window is 640 CSS pixels wide: nothing may need sideways scrolling.
    viewport(d, 640, 800)
    for page in [base + "/", statement_page, base + "/sync", base + "/exports"]:
        d.get(page)
        width, view = d.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
        if width > view:
            w.shot("too-wide")
            sys.exit(f"{page} is {width} pixels wide in a {view}-pixel window")
    d.get(statement_page)
    w.shot("statement-at-200-percent")


def through_the_cli(args, folder, sign_on):
    geneva, bucharest = offices(args.signatory, folder)
    campaign = geneva.json("campaign", "add", "--name", "World Day against Trafficking in Persons 2026")["id"]
    statement = geneva.json("statement", "add", "--campaign", campaign, "--title", "End forced organ harvesting",
                            "--body", BODY, "--lead", "DAFOH")["id"]
    geneva.run("statement", "status", statement, "open")
    geneva.run("org", "add", "--name", "CAP Liberté de Conscience", "--acronym", "CAP", "--country", "FR",
               "--ecosoc", "special")
    valle = geneva.json("contact", "add", "--org", "CAP", "--name", "Thierry Valle", "--title", "Director",
                        "--email", "t.valle@cap-lc.example", "--consent")["id"]
    geneva.run("sign", "--statement", statement, "--org", "CAP", "--contact", valle, "--status", "signed")
    geneva.run("org", "add", "--name", "Romanian Independent Society of Human Rights", "--acronym", "SIRDO",
               "--country", "RO", "--ecosoc", "special")
    humenuc = geneva.json("contact", "add", "--org", "SIRDO", "--name", AT_RISK["name"], "--title", "Director",
                          "--email", AT_RISK["email"], "--phone", AT_RISK["phone"], "--at-risk", "--consent")["id"]
    geneva.run("sign", "--statement", statement, "--org", "SIRDO", "--contact", humenuc, "--status", "signed")
    geneva.run("import", "signers", "--statement", statement, sign_on)
    concurrent_edit(geneva, bucharest, folder)
    conflict = geneva.json("conflicts", "list")[0]["id"]
    geneva.run("conflicts", "resolve", conflict, "--keep", "other", "--yes")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--signatory", required=True)
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--screenshots", required=True)
    args = parser.parse_args()
    os.makedirs(args.screenshots, exist_ok=True)
    sign_on = write_sign_on(args.workdir)
    through_the_browser(args, os.path.join(args.workdir, "ui"), sign_on)
    through_the_cli(args, os.path.join(args.workdir, "cli"), sign_on)
    print("walked through")


if __name__ == "__main__":
    main()

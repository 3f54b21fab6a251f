"""Programme text, CSV and conference schedule XML turned into running orders. No Qt here."""

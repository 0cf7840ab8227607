"""Report pages: what plainsum found, shown in place for authors."""

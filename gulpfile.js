const { task, src, dest } = require('gulp');

// tsc emits only JavaScript; the nodes and the credential point their `file:` icons at dist/icons/.
function copyIcons() {
	return src('icons/*.svg', { encoding: false }).pipe(dest('dist/icons'));
}

task('build:icons', copyIcons);

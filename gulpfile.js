const path = require('path');
const { task, src, dest, parallel } = require('gulp');

// tsc emits only JavaScript; n8n loads node and credential icons from dist/ beside the code.
function copyIcons(folder) {
	const copy = () =>
		src(path.join(folder, '**', '*.{png,svg}'), { encoding: false }).pipe(dest(path.join('dist', folder)));
	copy.displayName = `copy ${folder} icons`;
	return copy;
}

task('build:icons', parallel(copyIcons('nodes'), copyIcons('credentials')));
